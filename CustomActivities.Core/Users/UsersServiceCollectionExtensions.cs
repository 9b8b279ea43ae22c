using Microsoft.Extensions.DependencyInjection;

namespace CustomActivities.Core.Users;

public static class UsersServiceCollectionExtensions
{
    /// <summary>What admins do on the Users page, and the settings of the first admin.</summary>
    public static IServiceCollection AddUsers(this IServiceCollection services)
    {
        services.AddValidatedOptions<AdminOptions>(AdminOptions.Section);
        services.AddScoped<UserAdministration>();
        return services;
    }
}
