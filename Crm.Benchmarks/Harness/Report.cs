using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Spectre.Console;

namespace Crm.Benchmarks.Harness;

/// <summary>
/// A suite's figures: printed as a table and written as JSON to
/// <c>artifacts/bench/&lt;suite&gt;-&lt;utc time&gt;.json</c> and <c>&lt;suite&gt;-latest.json</c>.
/// Each row holds a figure beside its ceiling (measured in the same run) and their ratio.
/// </summary>
internal sealed class Report(string suite)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        // A file for people and tools, never embedded in HTML: keep ≥, µs and + readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly List<ReportRow> _rows = [];
    private readonly Dictionary<string, object> _context = [];

    public void Context(string key, object value) => _context[key] = value;

    /// <summary>
    /// Adds a figure. <paramref name="goalMet"/> says whether the figure reaches <paramref name="goal"/>;
    /// the suite decides, since a goal may be on the value or on the ratio.
    /// </summary>
    public void Add(string measure, double value, string unit, double? ceiling = null, string? goal = null, bool? goalMet = null, string? note = null) =>
        _rows.Add(new ReportRow(measure, value, unit, ceiling, ceiling is > 0 ? value / ceiling.Value : null, goal, goalMet, note));

    public async Task WriteAsync(string outputDirectory)
    {
        var table = new Table().Title($"[bold]{suite}[/]");
        table.AddColumns("measure", "value", "unit", "ceiling", "ratio", "goal", "met", "note");
        foreach (var row in _rows)
        {
            table.AddRow(
                Markup.Escape(row.Measure),
                Format(row.Value),
                Markup.Escape(row.Unit),
                row.Ceiling is { } c ? Format(c) : "",
                row.Ratio is { } r ? r.ToString("0.00", CultureInfo.InvariantCulture) : "",
                Markup.Escape(row.Goal ?? ""),
                row.GoalMet switch { true => "[green]met[/]", false => "[red]missed[/]", null => "" },
                Markup.Escape(row.Note ?? ""));
        }
        AnsiConsole.Profile.Width = Math.Max(AnsiConsole.Profile.Width, 160);
        AnsiConsole.Write(table);

        Directory.CreateDirectory(outputDirectory);
        var document = new
        {
            suite,
            at = DateTimeOffset.UtcNow,
            machine = MachineInfo.Describe(),
            context = _context,
            rows = _rows,
        };
        var json = JsonSerializer.Serialize(document, Json);
        var stamp = DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        await File.WriteAllTextAsync(Path.Combine(outputDirectory, $"{suite}-{stamp}.json"), json);
        await File.WriteAllTextAsync(Path.Combine(outputDirectory, $"{suite}-latest.json"), json);
        AnsiConsole.MarkupLine($"[grey]figures written to {Markup.Escape(Path.Combine(outputDirectory, $"{suite}-latest.json"))}[/]");
    }

    private static string Format(double value) =>
        value >= 100 ? value.ToString("#,0", CultureInfo.InvariantCulture) : value.ToString("0.###", CultureInfo.InvariantCulture);

    private sealed record ReportRow(string Measure, double Value, string Unit, double? Ceiling, double? Ratio, string? Goal, bool? GoalMet, string? Note);
}
