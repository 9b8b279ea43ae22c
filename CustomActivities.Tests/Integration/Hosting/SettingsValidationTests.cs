using CustomActivities.Core.Persistence;
using CustomActivities.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CustomActivities.Tests.Integration.Hosting;

/// <summary>A bad setting stops the app at start-up with a message naming it, before the database is touched.</summary>
public sealed class SettingsValidationTests
{
    [Theory]
    [InlineData("Security:SessionCheckSeconds", "-1", "Security:SessionCheckSeconds must be between 0 and 86400 seconds")]
    [InlineData("Api:MaxBatchSize", "0", "Api:MaxBatchSize must be between 1 and 300")]
    [InlineData("Api:RateLimitWindowSeconds", "-20", "Api:RateLimitWindowSeconds must be between 1 and 86400 seconds")]
    [InlineData("ActivityTypes:MaxActiveTypes", "0", "ActivityTypes:MaxActiveTypes must be between 1 and 100000")]
    [InlineData("ActivityTypes:MaxSecondaryFields", "-1", "ActivityTypes:MaxSecondaryFields must be between 0 and 100")]
    [InlineData("Admin:Email", "not an email", "Admin:Email must be an email address")]
    [InlineData("Admin:Password", "short", "Admin:Password must have at least 10 characters")]
    [InlineData("Demo:Seed", "maybe", "Demo:Seed")]
    [InlineData("Approvals:AllowSelfApproval", "sometimes", "Approvals:AllowSelfApproval")]
    [InlineData("Approvals:ApiClientsMayApproveOwnDrafts", "perhaps", "Approvals:ApiClientsMayApproveOwnDrafts")]
    [InlineData("Node:Name", "web-1\nweb-2", "Node:Name must be 1 to 100 characters on one line")]
    [InlineData("SmartLists:CountParallelism", "-2", "SmartLists:CountParallelism must be between 0 and 64")]
    [InlineData("SmartLists:ParallelCountMinPeople", "0", "SmartLists:ParallelCountMinPeople must be at least 1")]
    [InlineData("SmartLists:PageInSortOrderMaxPeople", "-1", "SmartLists:PageInSortOrderMaxPeople must be 0 or more")]
    public void A_bad_setting_stops_start_up_with_a_message_naming_it(string key, string value, string message)
    {
        using var factory = new AppFactory().WithSetting(key, value);

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        var reasons = Flatten(error).Select(e => e.Message).ToList();
        Assert.Contains(reasons, r => r.Contains(message, StringComparison.Ordinal));
        Assert.False(factory.StartUpTouchedTheDatabase(), "start-up went on to set up the database");
    }

    [Fact]
    [Trait("Database", "Sqlite")]
    public void A_blank_sqlite_path_stops_start_up_with_a_message_naming_it()
    {
        using var factory = new AppFactory().WithSetting("Database:Path", " ");

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains(Flatten(error), e => e.Message.Contains("Database:Path must name the SQLite file", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Good_settings_are_bound_to_their_options_and_the_shipped_empty_admin_settings_are_accepted()
    {
        await using var factory = new AppFactory().WithSetting("Security:SessionCheckSeconds", "42").WithSetting("Demo:Seed", "false")
            .WithSetting("Admin:Email", "").WithSetting("Admin:Password", "");
        using var client = factory.CreateClient();

        Assert.Equal(TimeSpan.FromSeconds(42),
            factory.Services.GetRequiredService<IOptions<Microsoft.AspNetCore.Identity.SecurityStampValidatorOptions>>().Value.ValidationInterval);
        Assert.False(factory.Services.GetRequiredService<IOptions<DemoOptions>>().Value.Seed);
        Assert.Null(factory.Services.GetService<ScaleSeeder>());
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<CustomActivities.Core.Users.ApplicationUser>>();
        Assert.NotNull(await users.FindByEmailAsync(DatabaseInitializer.DefaultAdminEmail));
    }

    private static IEnumerable<Exception> Flatten(Exception error) =>
        error switch
        {
            AggregateException aggregate => aggregate.InnerExceptions.SelectMany(Flatten).Prepend(error),
            { InnerException: { } inner } => Flatten(inner).Prepend(error),
            _ => [error],
        };
}
