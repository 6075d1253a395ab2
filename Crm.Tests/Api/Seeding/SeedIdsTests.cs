using Bogus;
using Crm.Api.Seeding;

namespace Crm.Tests.Api.Seeding;

public sealed class SeedIdsTests
{
    private static readonly DateTimeOffset Moment = new(2025, 2, 14, 9, 30, 15, 250, TimeSpan.Zero);

    [Fact]
    public void Version7_IsAVersion7Uuid_WithTheMomentsMilliseconds()
    {
        var id = SeedIds.Version7(new Randomizer(1), Moment);

        var bytes = id.ToByteArray(bigEndian: true);
        Assert.Equal(7, id.Version);
        Assert.Equal(0b10, bytes[8] >> 6);
        var milliseconds = ((long)bytes[0] << 40) | ((long)bytes[1] << 32) | ((long)bytes[2] << 24) | ((long)bytes[3] << 16) | ((long)bytes[4] << 8) | bytes[5];
        Assert.Equal(Moment.ToUnixTimeMilliseconds(), milliseconds);
    }

    [Fact]
    public void Version7_FromTheSameRandomStream_IsTheSame_AndOtherwiseDiffers()
    {
        var first = new Randomizer(42);
        var second = new Randomizer(42);

        var a = new[] { SeedIds.Version7(first, Moment), SeedIds.Version7(first, Moment) };
        var b = new[] { SeedIds.Version7(second, Moment), SeedIds.Version7(second, Moment) };

        Assert.Equal(a, b);
        Assert.NotEqual(a[0], a[1]);
        Assert.NotEqual(a[0], SeedIds.Version7(new Randomizer(43), Moment));
    }

    [Fact]
    public void Version7_SortsByTime()
    {
        var random = new Randomizer(5);
        var ids = Enumerable.Range(0, 50).Select(i => SeedIds.Version7(random, Moment.AddMilliseconds(i * 3))).ToList();

        Assert.Equal(ids, ids.OrderBy(id => id.ToString("N"), StringComparer.Ordinal));
    }

    [Fact]
    public void Derive_GivesEveryCustomerOfTheLargestSeedItsOwnSeed()
    {
        var seeds = new HashSet<int>();
        for (var number = 0; number < SeedOptions.MaxCustomers; number++)
        {
            seeds.Add(SeedIds.Derive(42, SeedPart.Customer, number));
        }

        Assert.Equal(SeedOptions.MaxCustomers, seeds.Count);
    }

    [Fact]
    public void Derive_GivesEachPartAndNumberItsOwnSeed()
    {
        var seeds = new HashSet<int>();
        foreach (var part in Enum.GetValues<SeedPart>())
        {
            for (var number = 0; number < 1000; number++)
            {
                seeds.Add(SeedIds.Derive(42, part, number));
            }
        }

        Assert.Equal(4000, seeds.Count);
        Assert.Equal(SeedIds.Derive(42, SeedPart.Customer, 7), SeedIds.Derive(42, SeedPart.Customer, 7));
        Assert.NotEqual(SeedIds.Derive(42, SeedPart.Customer, 7), SeedIds.Derive(43, SeedPart.Customer, 7));
    }

    [Fact]
    public void Weighted_NeverPicksAChoiceOfWeightZero_AndPicksTheOthersInProportion()
    {
        var weighted = new Weighted<string>(("never", 0), ("rare", 1), ("common", 3));
        var random = new Randomizer(9);

        var picks = Enumerable.Range(0, 4000).Select(_ => weighted.Pick(random)).GroupBy(p => p).ToDictionary(g => g.Key, g => g.Count());

        Assert.False(picks.ContainsKey("never"));
        Assert.InRange(picks["common"] / (double)picks["rare"], 2.5, 3.5);
    }
}
