using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CustomActivities.Core.Persistence;

/// <summary>
/// Stores instants as UTC ticks (INTEGER): SQLite can then compare and order them in SQL, and indexes stay small.
/// </summary>
public sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.UtcTicks,
    ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
