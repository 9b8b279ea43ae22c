using System.Text.Json;
using CustomActivities.Core.ApiClients;
using CustomActivities.Core.Persistence;
using CustomActivities.Tests.Support;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomActivities.Tests.Integration.Hosting;

/// <summary>
/// The Data Protection keys live in the database; an installation upgraded from the keys folder keeps reading what it
/// protected before (stored access tokens, sign-in cookies).
/// </summary>
// The keys folder these upgrades import sat beside the SQLite file.
[Trait("Database", "Sqlite")]
public sealed class DataProtectionKeyStoreTests : IDisposable
{
    private const string ApplicationName = "CustomActivities";
    private const string AccessTokenPurpose = "CustomActivities.ApiAccessTokens";

    private readonly AppFactory factory = new();

    private string KeysFolder => Path.Combine(Path.GetDirectoryName(factory.DatabasePath)!, "keys");

    [Fact]
    public async Task A_token_stored_with_the_folder_key_ring_is_given_back_after_the_upgrade()
    {
        var before = DataProtectionProvider.Create(new DirectoryInfo(KeysFolder), b => b.SetApplicationName(ApplicationName));
        const string legacyToken = "token-issued-before-the-upgrade";
        var protectedBefore = before.CreateProtector(AccessTokenPurpose).Protect(legacyToken);

        var client = await new ApiHarness(factory).CreateApiClientAsync();
        await using (var context = factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext())
        {
            var now = DateTimeOffset.UtcNow;
            context.Add(new ApiAccessToken
            {
                ApiClientId = client.Id,
                TokenHash = ApiSecrets.Hash(legacyToken),
                ProtectedToken = protectedBefore,
                IssuedAt = now,
                ExpiresAt = now.AddHours(1),
            });
            await context.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        using var http = factory.CreateClient();
        var response = await http.GetStringAsync(
            $"/identity/oauth/token?grant_type=client_credentials&client_id={client.ClientId}&client_secret={client.Secret}",
            TestContext.Current.CancellationToken);

        using var json = JsonDocument.Parse(response);
        Assert.Equal(legacyToken, json.RootElement.GetProperty("access_token").GetString());
    }

    [Fact]
    public async Task The_folder_keys_are_imported_once_and_read_by_the_app()
    {
        var before = DataProtectionProvider.Create(new DirectoryInfo(KeysFolder), b => b.SetApplicationName(ApplicationName));
        var payload = before.CreateProtector("any.purpose").Protect("signed before the upgrade");
        var keyNames = Directory.GetFiles(KeysFolder, "*.xml").Select(Path.GetFileNameWithoutExtension).Order().ToList();

        var after = factory.Services.GetRequiredService<IDataProtectionProvider>();
        Assert.Equal("signed before the upgrade", after.CreateProtector("any.purpose").Unprotect(payload));

        await using var scope = factory.Services.CreateAsyncScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<FileKeyRingImport>().ImportAsync(KeysFolder, TestContext.Current.CancellationToken));
        await using var context = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        var stored = await context.DataProtectionKeys.Select(k => k.FriendlyName).OrderBy(n => n).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(keyNames, stored);
    }

    [Fact]
    public async Task A_new_installation_keeps_its_key_in_the_database_and_writes_no_keys_folder()
    {
        using var client = await factory.SignedInClientAsync();

        await using var context = factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();
        Assert.NotEmpty(await context.DataProtectionKeys.ToListAsync(TestContext.Current.CancellationToken));
        Assert.False(Directory.Exists(KeysFolder));
    }

    public void Dispose() => factory.Dispose();
}
