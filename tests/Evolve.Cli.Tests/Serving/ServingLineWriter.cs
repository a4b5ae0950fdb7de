using System.Text.RegularExpressions;

namespace Evolve.Cli.Tests.Serving;

/// <summary>
/// A serve command's error stream that notices its "serving ... at http://.../v1" line: a test can
/// then talk to the server, or stop one that should never have started, so the test ends either way.
/// </summary>
internal sealed partial class ServingLineWriter : StringWriter
{
    private readonly CancellationTokenSource _serving = new();
    private readonly TaskCompletionSource<Uri> _address = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Cancelled once the server says it is serving.</summary>
    public CancellationToken Serving => _serving.Token;

    /// <summary>The address the serving line names.</summary>
    public Task<Uri> Address => _address.Task;

    public override void WriteLine(string? value)
    {
        base.WriteLine(value);
        if (value?.StartsWith("serving ", StringComparison.Ordinal) == true)
        {
            var url = Url().Match(value);
            _address.TrySetResult(new Uri(url.Success ? url.Groups[1].Value : "http://unparsed.invalid/"));
            _serving.Cancel();
        }
    }

    protected override void Dispose(bool disposing)
    {
        _serving.Dispose();
        base.Dispose(disposing);
    }

    [GeneratedRegex(@" at (http://\S+/)v1")]
    private static partial Regex Url();
}
