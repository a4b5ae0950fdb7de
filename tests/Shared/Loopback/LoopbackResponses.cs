using System.Net;
using System.Text;

namespace Evolve.Tests.Shared.Loopback;

/// <summary>The ways a loopback server writes an answer: whole, streamed, or cut off mid-way.</summary>
internal static class LoopbackResponses
{
    public static async Task WriteAsync(HttpListenerResponse response, int status, string body, string contentType)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        response.StatusCode = status;
        response.ContentType = contentType;
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes);
        response.Close();
    }

    /// <summary>Sends the first half of <paramref name="body"/> under the full declared length, then aborts.</summary>
    public static async Task CutAsync(HttpListenerResponse response, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        response.ContentType = "application/json";
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes.AsMemory(0, bytes.Length / 2));
        await response.OutputStream.FlushAsync();
        response.Abort();
    }

    public static async Task StreamAsync(HttpListenerResponse response, string contentType, IReadOnlyList<string> chunks, int? resetAfter, bool close = true)
    {
        response.StatusCode = 200;
        response.ContentType = contentType;
        if (resetAfter is int cut)
        {
            // A declared length the body never reaches: the client sees the connection end mid-answer.
            // (Aborting a chunked response would still send the closing chunk.)
            response.ContentLength64 = chunks.Sum(c => Encoding.UTF8.GetByteCount(c));
            foreach (var chunk in chunks.Take(cut))
            {
                await response.OutputStream.WriteAsync(Encoding.UTF8.GetBytes(chunk));
                await response.OutputStream.FlushAsync();
            }

            response.Abort();
            return;
        }

        response.SendChunked = true;
        foreach (var chunk in chunks)
        {
            await response.OutputStream.WriteAsync(Encoding.UTF8.GetBytes(chunk));
            await response.OutputStream.FlushAsync();
        }

        if (close)
        {
            response.Close();
        }
    }
}
