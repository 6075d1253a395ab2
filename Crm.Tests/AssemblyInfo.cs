// The tests start PostgreSQL and use Unix file modes: they run on Linux (and macOS), as CI does.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
