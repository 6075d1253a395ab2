namespace Crm.Api.LocalDatabase;

/// <summary>The local cluster could not be found, created or started; the message says what to do.</summary>
public sealed class LocalPostgresException : Exception
{
    public LocalPostgresException(string message) : base(message) { }

    public LocalPostgresException(string message, Exception inner) : base(message, inner) { }

    public LocalPostgresException() { }
}
