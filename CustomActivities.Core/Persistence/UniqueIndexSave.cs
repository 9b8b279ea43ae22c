using Microsoft.EntityFrameworkCore;

namespace CustomActivities.Core.Persistence;

public static class UniqueIndexSave
{
    /// <summary>Saves; false when a unique index refused a row (someone took the same email or name in between).</summary>
    public static async Task<bool> TrySaveUniqueAsync(this AppDbContext context, CancellationToken cancellationToken)
    {
        try
        {
            await context.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException e) when (DatabaseEngine.IsUniqueViolation(e))
        {
            return false;
        }
    }
}
