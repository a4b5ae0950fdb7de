using AstModule = Acornima.Ast.Module;
using Jint;
using Jint.Runtime;
using Jint.Runtime.Modules;

namespace Evolve.Core.Scoring.Scripts;

/// <summary>
/// Serves an ES-module script's files to Jint from memory, prepared once: an import resolves only
/// through the bundle's links, so a bare name (<c>fs</c>, a package) or any other path fails with the reason.
/// </summary>
internal sealed class ScriptModuleLoader : IModuleLoader
{
    private readonly ScriptBundle _bundle;
    private readonly Dictionary<string, Prepared<AstModule>> _modules;

    /// <summary>Prepares every file of <paramref name="bundle"/>; throws FormatException when one does not parse.</summary>
    public ScriptModuleLoader(ScriptBundle bundle)
    {
        _bundle = bundle;
        _modules = new(StringComparer.Ordinal);
        foreach (var (key, code) in bundle.Files)
        {
            try
            {
                _modules[key] = Engine.PrepareModule(code, key);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                throw new FormatException("the JavaScript does not parse: " + (e.InnerException ?? e).Message, e);
            }
        }
    }

    /// <inheritdoc/>
    public ResolvedSpecifier Resolve(string? referencingModuleLocation, ModuleRequest moduleRequest)
    {
        var specifier = moduleRequest.Specifier;
        var key = referencingModuleLocation is null ? specifier
            : _bundle.Links.TryGetValue(referencingModuleLocation, out var links) && links.TryGetValue(specifier, out var linked) ? linked
            : null;
        return key is not null && _modules.ContainsKey(key)
            ? new ResolvedSpecifier(moduleRequest, key, null, SpecifierType.RelativeOrAbsolute)
            : new ResolvedSpecifier(moduleRequest, specifier, null, SpecifierType.Bare);
    }

    /// <inheritdoc/>
    public Jint.Runtime.Modules.Module LoadModule(Engine engine, ResolvedSpecifier resolved)
    {
        if (resolved.Type != SpecifierType.RelativeOrAbsolute || !_modules.TryGetValue(resolved.Key, out var module))
        {
            throw new JavaScriptException($"import '{resolved.ModuleRequest.Specifier}' is not available: scripts run in Jint, without Node's modules or npm packages, and may import only files beside them");
        }

        return ModuleFactory.BuildSourceTextModule(engine, in module);
    }
}
