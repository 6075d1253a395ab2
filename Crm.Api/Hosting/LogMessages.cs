namespace Crm.Api.Hosting;

internal static partial class LogMessages
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "{Message}")]
    public static partial void LocalDatabase(ILogger logger, string message);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "PostgreSQL is not answering: {Reason}")]
    public static partial void DatabaseUnavailable(ILogger logger, string reason);

    [LoggerMessage(EventId = 3, Message = "{Projection}: {Message}")]
    public static partial void Projection(ILogger logger, LogLevel level, string projection, string message, Exception? exception);
}
