namespace Evolve.Kernel.Providers.Configuration;

/// <summary>Shows that a key is set without showing the key.</summary>
public static class SecretMask
{
    /// <summary>The last four characters of a long key (<c>…f3a9</c>), nothing of a short one.</summary>
    public static string Mask(string? secret) => secret switch
    {
        null or "" => "not set",
        { Length: >= 20 } => $"set (…{secret[^4..]}, {secret.Length} characters)",
        _ => $"set ({secret.Length} characters)",
    };
}
