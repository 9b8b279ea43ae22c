using System.Net;
using System.Text.RegularExpressions;
using CustomActivities.Core.Users;
using CustomActivities.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CustomActivities.Tests.Integration.Security;

/// <summary>Sign-in answers alike, and does the same work, for an unknown email and for a real account's wrong password.</summary>
public sealed partial class SignInDisclosureTests : IAsyncLifetime
{
    private const string RealEmail = "real@test.local";
    private const string UnknownEmail = "nobody@test.local";
    private readonly CountingHasher hasher = new();
    private readonly AppFactory factory;

    public SignInDisclosureTests() => factory = new AppFactory().WithServices(services =>
    {
        // Fewer iterations keep the test quick; both paths hash with the same settings, which is what is compared.
        services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1_000);
        services.AddScoped<IPasswordHasher<ApplicationUser>>(sp =>
            hasher.Over(new PasswordHasher<ApplicationUser>(sp.GetRequiredService<IOptions<PasswordHasherOptions>>())));
    });

    public async ValueTask InitializeAsync() => await factory.CreateUserAsync(RealEmail, Roles.Marketer);

    public async ValueTask DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task A_wrong_password_and_an_unknown_email_get_the_same_page()
    {
        var real = await AttemptAsync(RealEmail, "wrong-password-1");
        var unknown = await AttemptAsync(UnknownEmail, "wrong-password-1");

        Assert.Equal(HttpStatusCode.OK, real.Status);
        Assert.Equal(real.Status, unknown.Status);
        Assert.Contains("The email or password is wrong.", real.Page, StringComparison.Ordinal);
        Assert.Equal(real.Page, unknown.Page);
    }

    [Fact]
    public async Task An_unknown_email_pays_a_password_hash_as_a_real_account_does()
    {
        var before = hasher.Verifications;
        await AttemptAsync(UnknownEmail, "anything");
        var forUnknown = hasher.Verifications - before;

        before = hasher.Verifications;
        await AttemptAsync(RealEmail, "anything");
        var forReal = hasher.Verifications - before;

        Assert.Equal(1, forReal);
        Assert.Equal(forReal, forUnknown);
    }

    [Fact]
    public async Task After_five_failures_an_unknown_email_reaches_the_same_lockout_as_a_real_account()
    {
        var real = new List<Attempt>();
        var unknown = new List<Attempt>();
        for (var i = 1; i <= 6; i++)
        {
            real.Add(await AttemptAsync(RealEmail, $"wrong-{i}"));
            unknown.Add(await AttemptAsync(UnknownEmail, $"wrong-{i}"));
        }

        Assert.Equal(real.Select(a => (a.Status, a.Location)), unknown.Select(a => (a.Status, a.Location)));
        Assert.Equal("/Account/Lockout", real[4].Location);
        Assert.Equal("/Account/Lockout", real[5].Location);
        Assert.All(real.Take(4), a => Assert.Equal(HttpStatusCode.OK, a.Status));
        // While locked, an attempt costs the same hash on both paths (the framework's own check answered without one).
        var before = hasher.Verifications;
        await AttemptAsync(RealEmail, "wrong-again");
        var forReal = hasher.Verifications - before;
        before = hasher.Verifications;
        await AttemptAsync(UnknownEmail, "wrong-again");
        Assert.Equal(forReal, hasher.Verifications - before);
        Assert.Equal(1, forReal);
    }

    private sealed record Attempt(HttpStatusCode Status, string? Location, string Page);

    private async Task<Attempt> AttemptAsync(string email, string password)
    {
        using var client = factory.CreateNoRedirectClient();
        using var response = await AppFactory.PostLoginAsync(client, email, password);
        var page = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        // What differs between any two answers: tokens, nonces, the circuit state, and the email typed back into the form.
        page = ChangingParts().Replace(page.Replace(email, "EMAIL", StringComparison.Ordinal), "…");
        var location = response.Headers.Location is { } to ? new Uri(new Uri("http://localhost"), to).PathAndQuery : null;
        return new Attempt(response.StatusCode, location, page);
    }

    [GeneratedRegex("""value="[^"]{30,}"|nonce="[^"]+"|<!--Blazor.*?-->|"importmap"[^<]*""", RegexOptions.Singleline)]
    private static partial Regex ChangingParts();

    /// <summary>Counts password checks, whichever path asks for them.</summary>
    private sealed class CountingHasher
    {
        private int verifications;

        public int Verifications => Volatile.Read(ref verifications);

        public IPasswordHasher<ApplicationUser> Over(IPasswordHasher<ApplicationUser> inner) => new Counting(this, inner);

        private sealed class Counting(CountingHasher owner, IPasswordHasher<ApplicationUser> inner) : IPasswordHasher<ApplicationUser>
        {
            public string HashPassword(ApplicationUser user, string password) => inner.HashPassword(user, password);

            public PasswordVerificationResult VerifyHashedPassword(ApplicationUser user, string hashedPassword, string providedPassword)
            {
                Interlocked.Increment(ref owner.verifications);
                return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
            }
        }
    }
}
