using Microsoft.AspNetCore.Identity;

namespace CustomActivities.Core.Users;

public class ApplicationUser : IdentityUser
{
    public DateTimeOffset CreatedAt { get; set; }
}
