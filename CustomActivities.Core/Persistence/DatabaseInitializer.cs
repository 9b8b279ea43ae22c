using System.Security.Cryptography;
using CustomActivities.Core.SmartLists;
using CustomActivities.Core.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CustomActivities.Core.Persistence;

/// <summary>What start-up did that the person running the app must know (the generated admin password).</summary>
public sealed record InitializationResult(string? CreatedAdminEmail, string? GeneratedAdminPassword);

/// <summary>Brings the database to the current schema (and its field indexes) and makes sure roles and a first admin exist.</summary>
public sealed class DatabaseInitializer(
    IDbContextFactory<AppDbContext> contextFactory,
    RoleManager<IdentityRole> roleManager,
    UserManager<ApplicationUser> userManager,
    IOptions<AdminOptions> adminOptions,
    TimeProvider timeProvider,
    ActivityFieldIndexes fieldIndexes,
    ILogger<DatabaseInitializer> logger)
{
    public const string DefaultAdminEmail = "admin@customactivities.local";

    public async Task<InitializationResult> InitializeAsync(CancellationToken cancellationToken = default)
    {
        await using (var context = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            // EF Core reads the migrations history before it creates it, and logs that failed read as an error on a new
            // PostgreSQL database: the first thing a new installation would print. An empty history first avoids it.
            await context.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
            await context.Database.MigrateAsync(cancellationToken);
        }
        // Smart lists' field indexes live outside the EF model (one per approved field); a file made before them, or an
        // Activities table rebuilt by a migration, gets them here.
        await fieldIndexes.ReconcileAsync(cancellationToken);

        foreach (var role in Roles.All)
        {
            if (!await roleManager.RoleExistsAsync(role))
            {
                await roleManager.CreateAsync(new IdentityRole(role));
            }
        }

        if (userManager.Users.Any())
        {
            return new InitializationResult(null, null);
        }

        var email = adminOptions.Value.Email is { Length: > 0 } configuredEmail ? configuredEmail : DefaultAdminEmail;
        var configuredPassword = adminOptions.Value.Password;
        var password = string.IsNullOrEmpty(configuredPassword) ? GeneratePassword() : configuredPassword;
        var admin = new ApplicationUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            CreatedAt = timeProvider.GetUtcNow(),
        };
        var created = await userManager.CreateAsync(admin, password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException(
                "Could not create the first admin: " + string.Join(" ", created.Errors.Select(e => e.Description)));
        }
        await userManager.AddToRoleAsync(admin, Roles.Admin);
        logger.LogInformation("Created the first admin account {Email}", email);
        return new InitializationResult(email, string.IsNullOrEmpty(configuredPassword) ? password : null);
    }

    /// <summary>20 characters from every class the password rules ask for, from a cryptographic source.</summary>
    internal static string GeneratePassword()
    {
        const string upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
        const string lower = "abcdefghijkmnopqrstuvwxyz";
        const string digits = "23456789";
        const string symbols = "!@#$%^&*-_=+";
        const string all = upper + lower + digits + symbols;
        var chars = new List<char>
        {
            upper[RandomNumberGenerator.GetInt32(upper.Length)],
            lower[RandomNumberGenerator.GetInt32(lower.Length)],
            digits[RandomNumberGenerator.GetInt32(digits.Length)],
            symbols[RandomNumberGenerator.GetInt32(symbols.Length)],
        };
        while (chars.Count < 20)
        {
            chars.Add(all[RandomNumberGenerator.GetInt32(all.Length)]);
        }
        return new string([.. chars.OrderBy(_ => RandomNumberGenerator.GetInt32(int.MaxValue))]);
    }
}
