using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Evolve.Kernel.Yaml;

/// <summary>
/// Walks a document's parser events once, before any node tree exists, and stops at the first
/// event that would take the document past its <see cref="YamlLimits"/>. Sizes are counted as if
/// every alias were expanded, because that is what readers that turn nodes into values do.
/// </summary>
internal sealed class YamlBudget
{
    private readonly YamlLimits _limits;
    private readonly string _path;
    private readonly Dictionary<string, (long Size, int Depth)> _anchors = new(StringComparer.Ordinal);
    private readonly Stack<Frame> _open = new();
    private long _nodes;
    private int _aliases;

    private YamlBudget(YamlLimits limits, string path)
    {
        _limits = limits;
        _path = path;
    }

    /// <summary>Throws an <see cref="InputException"/> naming the line where a limit is passed.</summary>
    public static void Check(IParser parser, string path, YamlLimits limits)
    {
        var budget = new YamlBudget(limits, path);
        while (parser.MoveNext())
        {
            budget.Visit(parser.Current!);
        }
    }

    private void Visit(ParsingEvent e)
    {
        switch (e)
        {
            case DocumentStart:
                _anchors.Clear();
                break;
            case Scalar scalar:
                Add(e, 1, 0, scalar.Anchor);
                break;
            case NodeEvent { } start and (SequenceStart or MappingStart):
                Count(e, 1);
                _open.Push(new Frame(start.Anchor.IsEmpty ? null : start.Anchor.Value));
                if (_open.Count > _limits.MaxDepth)
                {
                    Fail(e, $"nesting is deeper than {_limits.MaxDepth} levels");
                }

                break;
            case SequenceEnd or MappingEnd:
                var frame = _open.Pop();
                var size = frame.Size + 1;
                if (frame.Anchor is not null)
                {
                    _anchors[frame.Anchor] = (size, frame.Depth + 1);
                }

                AddToParent(size, frame.Depth + 1);
                break;
            case AnchorAlias alias:
                if (++_aliases > _limits.MaxAliases)
                {
                    Fail(e, $"more than {_limits.MaxAliases} aliases");
                }

                // An unknown anchor is left for the loader, which reports it with its own message.
                var (aliasSize, aliasDepth) = _anchors.GetValueOrDefault(alias.Value.Value, (1L, 0));
                if (_open.Count + aliasDepth > _limits.MaxDepth)
                {
                    Fail(e, $"alias *{alias.Value.Value} nests deeper than {_limits.MaxDepth} levels once expanded");
                }

                Count(e, aliasSize);
                AddToParent(aliasSize, aliasDepth);
                break;
        }
    }

    private void Add(ParsingEvent e, long size, int depth, AnchorName anchor)
    {
        Count(e, size);
        if (!anchor.IsEmpty)
        {
            _anchors[anchor.Value] = (size, depth);
        }

        AddToParent(size, depth);
    }

    private void Count(ParsingEvent e, long size)
    {
        _nodes += size;
        if (_nodes > _limits.MaxNodes)
        {
            Fail(e, $"the document expands to more than {_limits.MaxNodes:N0} nodes (aliases counted in full); is it an alias bomb?");
        }
    }

    private void AddToParent(long size, int depth)
    {
        if (_open.TryPeek(out var parent))
        {
            parent.Size += size;
            parent.Depth = Math.Max(parent.Depth, depth);
        }
    }

    private void Fail(ParsingEvent e, string message) =>
        throw new InputException(_path, (int)e.Start.Line, null, $"YAML refused: {message}");

    private sealed class Frame(string? anchor)
    {
        public string? Anchor { get; } = anchor;

        public long Size { get; set; }

        public int Depth { get; set; }
    }
}
