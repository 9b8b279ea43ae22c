using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CustomActivities.Core.Persistence;

/// <summary>
/// Copies the Data Protection keys an installation kept in a folder (<c>keys</c> beside the SQLite file, before the keys
/// moved into the database) into the database, so that sign-in cookies and stored access tokens protected before the
/// upgrade stay readable. Each key is copied once: a key already in the table (same name) is left alone, so running it
/// on every start, or on several nodes, adds nothing twice. The folder is left in place (a rollback still finds it).
/// </summary>
public sealed class FileKeyRingImport(IDbContextFactory<AppDbContext> contextFactory, ILogger<FileKeyRingImport> logger)
{
    /// <summary>Must run before anything protects or unprotects: a key ring read from an empty table would create a new key.</summary>
    public async Task<int> ImportAsync(string folder, CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(folder))
        {
            return 0;
        }
        // Named as the file system repository names them (key-{id}.xml), and as the EF Core repository names its rows.
        var files = Directory.GetFiles(folder, "*.xml").Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
        {
            return 0;
        }
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        var stored = (await context.DataProtectionKeys.Select(k => k.FriendlyName).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var imported = 0;
        foreach (var file in files)
        {
            var friendlyName = Path.GetFileNameWithoutExtension(file);
            if (stored.Contains(friendlyName))
            {
                continue;
            }
            XElement element;
            try
            {
                element = XElement.Load(file);
            }
            catch (System.Xml.XmlException e)
            {
                // Left behind as the file system repository would have: it skips what it cannot read too.
                logger.LogWarning(e, "The Data Protection key file {File} is not valid XML and was not imported", file);
                continue;
            }
            context.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
            imported++;
        }
        await context.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (imported > 0)
        {
            logger.LogInformation("Imported {Count} Data Protection keys from {Folder} into the database", imported, folder);
        }
        return imported;
    }
}
