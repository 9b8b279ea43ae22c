using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CustomActivities.Core;

public static class OptionsRegistration
{
    /// <summary>
    /// Binds a settings section and checks its data annotations when the host starts, so a bad value (a negative limit,
    /// a malformed email, text where a number belongs) stops the app with a message naming the setting, not a later 500.
    /// </summary>
    public static OptionsBuilder<TOptions> AddValidatedOptions<TOptions>(this IServiceCollection services, string section)
        where TOptions : class =>
        services.AddOptions<TOptions>().BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart();
}
