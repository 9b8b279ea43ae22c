using Microsoft.AspNetCore.Diagnostics;

namespace CustomActivities.Web;

/// <summary>
/// The error and "not found" pages. Both re-run the request on a page of the app; a page answers GET only (a re-run
/// POST would need a Blazor form name and an antiforgery token, and failed, leaving a 500 with an empty body), so the
/// re-run is turned into a GET. A refused request (bad form, missing antiforgery token) keeps its 4xx status.
/// </summary>
public static class ErrorPages
{
    public const string ErrorPath = "/Error";
    public const string NotFoundPath = "/not-found";

    public static WebApplication UseErrorPages(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandlingPath = ErrorPath,
                CreateScopeForErrors = true,
                StatusCodeSelector = e => e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
            });
        }

        // An unknown address gets the app's "Page not found" page (still a 404) instead of an empty answer;
        // the REST API keeps its own JSON answers.
        app.UseWhen(
            context => !context.Request.Path.StartsWithSegments("/rest") && !context.Request.Path.StartsWithSegments("/identity"),
            branch => branch.UseStatusCodePagesWithReExecute(NotFoundPath));

        app.Use((context, next) =>
        {
            var statusRerun = context.Features.Get<IStatusCodeReExecuteFeature>();
            if (statusRerun is not null && statusRerun.OriginalStatusCode != StatusCodes.Status404NotFound)
            {
                // Another refusal (e.g. 400 for a form without its antiforgery token) is no "page not found".
                context.Request.Path = ErrorPath;
            }
            var rerun = statusRerun is not null || context.Features.Get<IExceptionHandlerFeature>() is not null;
            if (rerun && !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
            {
                context.Request.Method = HttpMethods.Get;
            }
            return next(context);
        });
        return app;
    }
}
