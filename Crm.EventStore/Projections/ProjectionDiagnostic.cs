namespace Crm.EventStore.Projections;

/// <summary>How much a diagnostic matters.</summary>
public enum ProjectionDiagnosticLevel
{
    /// <summary>Normal operation worth a line: leadership taken or released, a rebuild swapped in.</summary>
    Information,

    /// <summary>Something went wrong and is being retried (a transient database error, a lost connection).</summary>
    Warning,

    /// <summary>A projection stopped or skipped an event, or the daemon hit an unexpected error.</summary>
    Error,
}

/// <summary>Something the daemon reports (forward it to a logger).</summary>
/// <param name="Level">How much it matters.</param>
/// <param name="Projection">The projection concerned, or null for the daemon as a whole.</param>
/// <param name="Message">What happened.</param>
/// <param name="Exception">The error, if any.</param>
public sealed record ProjectionDiagnostic(ProjectionDiagnosticLevel Level, string? Projection, string Message, Exception? Exception);
