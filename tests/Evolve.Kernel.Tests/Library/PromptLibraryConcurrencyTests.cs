using System.Collections.Concurrent;
using System.Diagnostics;
using Evolve.Kernel.Library;

namespace Evolve.Kernel.Tests.Library;

public sealed class PromptLibraryConcurrencyTests : IDisposable
{
    private const string A = LibraryFixture.Agent;
    private readonly LibraryFixture _fx = new();

    public void Dispose() => _fx.Dispose();

    [Fact]
    public void Deploy_LockHeldByAnotherWriter_ThrowsConflictAfterTimeoutAndChangesNothing()
    {
        var v2 = _fx.Library.AddVersion(A, LibraryFixture.Variant("two"), new VersionMetadata());
        var before = _fx.Observable();
        using var other = new FileStream(_fx.LockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);

        var ex = Assert.Throws<LibraryConflictException>(() => _fx.Create(TimeSpan.FromMilliseconds(50)).Deploy(A, v2));

        Assert.StartsWith("another writer holds the library lock", ex.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<InvalidOperationException>(ex);
        other.Dispose();
        Assert.Equal(before, _fx.Observable());
    }

    [Fact]
    public void Deploy_LockHeldByAnotherProcess_ConflictsUntilThatProcessLetsGo()
    {
        var v2 = _fx.Library.AddVersion(A, LibraryFixture.Variant("two"), new VersionMetadata());
        var script = "import fcntl, sys\nf = open(sys.argv[1], 'a')\nfcntl.flock(f, fcntl.LOCK_EX)\nprint('locked', flush=True)\nsys.stdin.read()\n";
        using var holder = Process.Start(new ProcessStartInfo("python3") { ArgumentList = { "-c", script, _fx.LockPath }, RedirectStandardInput = true, RedirectStandardOutput = true })!;
        Assert.Equal("locked", holder.StandardOutput.ReadLine());

        Assert.Throws<LibraryConflictException>(() => _fx.Create(TimeSpan.FromMilliseconds(50)).Deploy(A, v2));
        Assert.Equal(LibraryFixture.Seed, _fx.ReadLive());

        holder.StandardInput.Close();
        holder.WaitForExit();
        _fx.Create(TimeSpan.FromMilliseconds(50)).Deploy(A, v2);
        Assert.Equal(LibraryFixture.Variant("two"), _fx.ReadLive());
    }

    [Fact]
    public void Deploy_TwoThreadsRacingWithSameGeneration_ExactlyOneWinsAndStateIsConsistent()
    {
        for (var round = 0; round < 5; round++)
        {
            var a = _fx.Library.AddVersion(A, LibraryFixture.Variant($"a{round}"), new VersionMetadata());
            var b = _fx.Library.AddVersion(A, LibraryFixture.Variant($"b{round}"), new VersionMetadata());
            var generation = _fx.Library.Channels(A)!.Live.Generation;
            using var start = new Barrier(2);
            var results = new ConcurrentBag<(int Version, Exception? Error)>();

            void Race(int version)
            {
                var library = _fx.Create();
                start.SignalAndWait();
                try
                {
                    library.Deploy(A, version, LibraryChannel.Live, generation, $"writer-{version}");
                    results.Add((version, null));
                }
                catch (LibraryConflictException ex)
                {
                    results.Add((version, ex));
                }
            }

            var threads = new[] { new Thread(() => Race(a)), new Thread(() => Race(b)) };
            Array.ForEach(threads, t => t.Start());
            Array.ForEach(threads, t => t.Join());

            var winner = Assert.Single(results, r => r.Error is null).Version;
            Assert.Single(results, r => r.Error is not null);
            Assert.Equal(new ChannelPointer(winner, generation + 1), _fx.Library.Channels(A)!.Live);
            Assert.Equal(_fx.Library.Show(A, winner).Files, _fx.ReadLive());
            Assert.Single(_fx.Library.Ledger(A), e => e.Generation == generation + 1 && e.Channel == LibraryChannel.Live);
        }
    }

    [Fact]
    public void AddVersion_ManyThreads_EveryVersionGetsItsOwnNumberAndIntactFiles()
    {
        _fx.Library.Initialize(A);
        var added = new ConcurrentDictionary<int, string>();
        using var start = new Barrier(6);
        var threads = Enumerable.Range(0, 6).Select(t => new Thread(() =>
        {
            var library = _fx.Create();
            start.SignalAndWait();
            for (var i = 0; i < 5; i++)
            {
                var marker = $"t{t}-{i}";
                Assert.True(added.TryAdd(library.AddVersion(A, LibraryFixture.Variant(marker), new VersionMetadata()), marker));
            }
        })).ToArray();
        Array.ForEach(threads, t => t.Start());
        Array.ForEach(threads, t => t.Join());

        Assert.Equal(Enumerable.Range(2, 30), added.Keys.Order());
        foreach (var (version, marker) in added)
        {
            Assert.Equal(LibraryFixture.Variant(marker), _fx.Library.Show(A, version).Files);
        }
    }

    [Fact]
    public void DeployAndAddVersion_RacingThreads_LedgerAndPointerAgree()
    {
        var v2 = _fx.Library.AddVersion(A, LibraryFixture.Variant("two"), new VersionMetadata());
        using var start = new Barrier(3);
        var deployer = new Thread(() =>
        {
            var library = _fx.Create();
            start.SignalAndWait();
            for (var i = 0; i < 10; i++)
            {
                library.Deploy(A, i % 2 == 0 ? v2 : 1);
            }
        });
        var adders = Enumerable.Range(0, 2).Select(t => new Thread(() =>
        {
            var library = _fx.Create();
            start.SignalAndWait();
            for (var i = 0; i < 5; i++)
            {
                library.AddVersion(A, LibraryFixture.Variant($"x{t}-{i}"), new VersionMetadata());
            }
        })).ToArray();
        var all = adders.Append(deployer).ToArray();
        Array.ForEach(all, t => t.Start());
        Array.ForEach(all, t => t.Join());

        var ledger = _fx.Library.Ledger(A);
        Assert.Equal(Enumerable.Range(1, ledger.Count).Select(i => (long)i), ledger.Select(e => e.Seq));
        Assert.Equal(new ChannelPointer(1, 11), _fx.Library.Channels(A)!.Live);
        Assert.Equal(LibraryFixture.Seed, _fx.ReadLive());
        Assert.Equal(12, _fx.Library.History(A).Count);
    }
}
