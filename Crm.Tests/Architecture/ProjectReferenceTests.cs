using System.Reflection;
using System.Xml.Linq;

namespace Crm.Tests.Architecture;

/// <summary>The reference rules of the solution layout (SPEC section 2), checked on the project files and the built assemblies.</summary>
public sealed class ProjectReferenceTests
{
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["Crm.Domain"] = [],
        ["Crm.EventStore"] = [],
        ["Crm.GraphQL"] = [],
        ["Crm.Messaging"] = ["Crm.EventStore"],
        ["Crm.Projections"] = ["Crm.Domain", "Crm.EventStore"],
        ["Crm.Api"] = ["Crm.Domain", "Crm.EventStore", "Crm.Projections", "Crm.Messaging", "Crm.GraphQL"],
    };

    public static TheoryData<string> Projects() => new(Allowed.Keys);

    [Theory]
    [MemberData(nameof(Projects))]
    public void ProjectFile_ReferencesOnlyWhatTheLayoutAllows(string project)
    {
        var forbidden = ForbiddenReferences(project, ProjectFile(project));

        Assert.True(forbidden.Count == 0, $"{project} must not reference {string.Join(", ", forbidden)}");
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void Assembly_ReferencesOnlyWhatTheLayoutAllows(string project)
    {
        var assembly = Assembly.Load(project);

        var forbidden = assembly.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(n => n.StartsWith("Crm.", StringComparison.Ordinal))
            .Except(Allowed[project])
            .ToList();
        Assert.True(forbidden.Count == 0, $"{project}.dll must not reference {string.Join(", ", forbidden)}");
    }

    [Fact]
    public void Domain_ReferencesNoPackage()
    {
        var packages = ProjectFile("Crm.Domain").Descendants("PackageReference").Select(p => (string?)p.Attribute("Include")).ToList();
        Assert.Empty(packages);
        Assert.Empty(ProjectFile("Crm.Domain").Descendants("FrameworkReference"));
    }

    [Fact]
    public void NoProjectFile_PinsAPackageVersion_VersionsAreCentral()
    {
        foreach (var project in Directory.EnumerateFiles(RepositoryRoot(), "*.csproj", SearchOption.AllDirectories))
        {
            var pinned = XDocument.Load(project).Descendants("PackageReference").Where(p => p.Attribute("Version") is not null).ToList();
            Assert.True(pinned.Count == 0, $"{Path.GetFileName(project)} pins a version; put it in Directory.Packages.props");
        }
    }

    [Fact]
    public void ForbiddenReference_InAProjectFile_IsReported()
    {
        var messaging = ProjectFile("Crm.Messaging");
        messaging.Root!.Add(new XElement("ItemGroup", new XElement("ProjectReference", new XAttribute("Include", @"..\Crm.Domain\Crm.Domain.csproj"))));

        Assert.Equal(["Crm.Domain"], ForbiddenReferences("Crm.Messaging", messaging));
    }

    private static List<string> ForbiddenReferences(string project, XDocument projectFile) =>
        projectFile.Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension(((string)r.Attribute("Include")!).Replace('\\', '/')))
            .Except(Allowed[project])
            .ToList();

    private static XDocument ProjectFile(string project) =>
        XDocument.Load(Path.Combine(RepositoryRoot(), project, project + ".csproj"));

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Crm.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Crm.sln not found above the test assembly.");
    }
}
