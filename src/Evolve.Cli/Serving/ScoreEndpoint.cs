using System.Globalization;
using Evolve.Core.ScoreServing;
using Evolve.Kernel;
using Microsoft.AspNetCore.Http;

namespace Evolve.Cli.Serving;

/// <summary><c>POST /v1/score</c>: one <see cref="ScoreService.ScoreAsync"/> per request, bad input as a 400 naming the field.</summary>
internal sealed class ScoreEndpoint(ScoreService service, TextWriter log, long maxRequestBytes)
{
    public async Task ScoreAsync(HttpContext http)
    {
        var (body, tooLarge) = await RequestBody.ReadAsync(http.Request, maxRequestBytes, http.RequestAborted).ConfigureAwait(false);
        var (request, error) = tooLarge is null ? ScoreRequestJson.Parse(body) : (null, tooLarge);
        if (request is null)
        {
            await JsonResponse.ErrorAsync(http, error!).ConfigureAwait(false);
            return;
        }

        ScoreResult result;
        try
        {
            result = await service.ScoreAsync(request, http.RequestAborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            return;
        }
        catch (InputException ex)
        {
            var message = string.Join("; ", ex.Errors.Select(e => e.Field is null ? e.Message : $"{e.Field}: {e.Message}"));
            await JsonResponse.ErrorAsync(http, OpenAiError.BadRequest(message, ex.Errors[0].Field)).ConfigureAwait(false);
            return;
        }
        catch (SystemicFailureException ex)
        {
            await JsonResponse.ErrorAsync(http, OpenAiError.Server(ex.Message)).ConfigureAwait(false);
            return;
        }

        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"scored {result.CandidateId[..12]} on {result.Cases.Count} cases x {result.Repeat} with {result.Model}: {result.Score:0.000}")).ConfigureAwait(false);
        await JsonResponse.WriteAsync(http.Response, StatusCodes.Status200OK, ScoreResultJson.Write(result, service.Suite), http.RequestAborted).ConfigureAwait(false);
    }
}
