using Microsoft.Extensions.DependencyInjection;

namespace CustomActivities.Core.Users;

public static class UsersServiceCollectionExtensions
{
    /// <summary>
    /// What admins do on the Users page, what users set for themselves, and the settings of the first admin. The app
    /// registers the <see cref="SupportedLanguages"/> that <see cref="UserPreferences"/> accepts.
    /// </summary>
    public static IServiceCollection AddUsers(this IServiceCollection services)
    {
        services.AddValidatedOptions<AdminOptions>(AdminOptions.Section);
        services.AddScoped<UserAdministration>();
        services.AddScoped<UserPreferences>();
        return services;
    }
}
