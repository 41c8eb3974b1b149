using System.Text.Json;
using Analytics.Core.Errors;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Analytics.Web.Api;

/// <summary>Turns Core refusals and malformed requests into RFC 7807 answers; anything else stays a 500.</summary>
public sealed class AnalyticsExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        ProblemDetails? problem = exception switch
        {
            InvalidInputException invalid => new HttpValidationProblemDetails(invalid.Errors.ToDictionary(e => e.Key, e => e.Value))
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "Invalid input",
                Detail = invalid.Message,
            },
            MetricOutOfRangeException unreadable => new ProblemDetails
            {
                Status = StatusOf(unreadable.Kind),
                Title = "Metric out of range",
                Detail = unreadable.Message,
                Extensions = { ["metric"] = unreadable.Metric },
            },
            AnalyticsException refused => new ProblemDetails { Status = StatusOf(refused.Kind), Title = TitleOf(refused.Kind), Detail = refused.Message },
            BadHttpRequestException bad => new ProblemDetails
            {
                Status = bad.StatusCode,
                Title = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Request too large" : "Bad request",
                Detail = bad.InnerException is JsonException json ? json.Message : bad.Message,
            },
            JsonException json => new ProblemDetails { Status = StatusCodes.Status400BadRequest, Title = "Malformed JSON", Detail = json.Message },
            _ => null,
        };
        if (problem is null || http.Response.HasStarted) return false;
        http.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }

    public static int StatusOf(AnalyticsErrorKind kind) => kind switch
    {
        AnalyticsErrorKind.Invalid => StatusCodes.Status400BadRequest,
        AnalyticsErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        AnalyticsErrorKind.NotFound => StatusCodes.Status404NotFound,
        AnalyticsErrorKind.TooLarge => StatusCodes.Status413PayloadTooLarge,
        AnalyticsErrorKind.Unprocessable => StatusCodes.Status422UnprocessableEntity,
        _ => StatusCodes.Status500InternalServerError,
    };

    private static string TitleOf(AnalyticsErrorKind kind) => kind switch
    {
        AnalyticsErrorKind.Forbidden => "Forbidden",
        AnalyticsErrorKind.NotFound => "Not found",
        AnalyticsErrorKind.TooLarge => "Request too large",
        AnalyticsErrorKind.Unprocessable => "Unprocessable request",
        _ => "Invalid input",
    };
}
