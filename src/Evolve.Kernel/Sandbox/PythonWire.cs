namespace Evolve.Kernel.Sandbox;

/// <summary>
/// The Python both sides of a test run share: a data-only encoding of values (exact types only,
/// tagged so a tuple stays a tuple and dict keys keep their types) and the frame-line helper.
/// Only these types cross between the tests and the answer, so the answer can hand the tests
/// nothing with behaviour of its own (an object whose <c>__eq__</c> is always true, say).
/// </summary>
internal static class PythonWire
{
    public const string Script = """
        import base64, itertools, json, math, types

        class Unpassable(Exception):
            pass

        _ITER_LIMIT = 100000

        def enc(v, depth=0):
            if depth > 100:
                raise Unpassable("a value nested more than 100 levels deep")
            t, d = type(v), depth + 1
            if v is None or t is bool or t is int or t is str:
                return v
            if t is float:
                return v if math.isfinite(v) else {"F": repr(v)}
            if t is list:
                return {"l": [enc(x, d) for x in v]}
            if t is tuple:
                return {"t": [enc(x, d) for x in v]}
            if t is dict:
                return {"d": [[enc(k, d), enc(x, d)] for k, x in v.items()]}
            if t is set or t is frozenset:
                return {"s" if t is set else "z": [enc(x, d) for x in v]}
            if t is bytes or t is bytearray:
                return {"b" if t is bytes else "a": base64.b64encode(bytes(v)).decode("ascii")}
            if t is complex:
                return {"c": [enc(v.real, d), enc(v.imag, d)]}
            if t is range:
                return {"r": [v.start, v.stop, v.step]}
            if isinstance(v, (types.GeneratorType, map, filter, zip, enumerate, reversed)) or t.__name__.endswith("iterator"):
                return {"i": [enc(x, d) for x in itertools.islice(v, _ITER_LIMIT)]}
            raise Unpassable("a %s object" % t.__name__)

        def dec(v):
            if type(v) is not dict:
                return v
            (tag, x), = v.items()
            if tag == "F":
                return float(x)
            if tag == "l":
                return [dec(e) for e in x]
            if tag == "t":
                return tuple(dec(e) for e in x)
            if tag == "d":
                return {dec(k): dec(e) for k, e in x}
            if tag == "s":
                return {dec(e) for e in x}
            if tag == "z":
                return frozenset(dec(e) for e in x)
            if tag == "b":
                return base64.b64decode(x)
            if tag == "a":
                return bytearray(base64.b64decode(x))
            if tag == "c":
                return complex(dec(x[0]), dec(x[1]))
            if tag == "r":
                return range(*x)
            if tag == "i":
                return iter([dec(e) for e in x])
            raise ValueError("unknown tag " + tag)

        def dumps(obj):
            return json.dumps(obj, allow_nan=False, separators=(",", ":"))

        def frame_text(frames, name):
            for f in reversed(frames):
                if f.filename == name:
                    return "%s line %d: %s" % (name, f.lineno, (f.line or "").strip())
            return None
        """;
}
