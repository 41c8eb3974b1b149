using Analytics.Core.Tenancy;
using Microsoft.AspNetCore.Identity;

namespace Analytics.Web.Identity;

/// <summary>The account actions that are plain form posts rather than pages.</summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/logout", async (SignInManager<AppUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("~/account/login");
        });
        return app;
    }
}
