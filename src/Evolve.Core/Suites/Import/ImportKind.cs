namespace Evolve.Core.Suites.Import;

/// <summary>The formats <see cref="SuiteImporter"/> reads.</summary>
public enum ImportKind
{
    /// <summary>A promptfoo config (<c>promptfooconfig.yaml</c>) with its prompts and tests.</summary>
    Promptfoo,

    /// <summary>HumanEval-format problems (<c>.jsonl</c> or <c>.jsonl.gz</c>).</summary>
    HumanEval,
}
