namespace Evolve.Kernel.Agents.Tools.Mcp;

/// <summary>An MCP server failed a request: an error response, a timeout, or the process exiting.</summary>
internal sealed class McpException : Exception
{
    public McpException()
    {
    }

    public McpException(string message)
        : base(message)
    {
    }

    public McpException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
