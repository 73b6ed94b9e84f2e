using System.Runtime.CompilerServices;

namespace Callout.Dashboard.Ui.Tests;

/// <summary>
/// bUnit's waits need a free thread-pool thread for the renderer's dispatcher; with the other test projects
/// running at once on two cores, the pool's slow growth starved them now and then (a check never run within the
/// timeout). More threads from the start, not longer timeouts.
/// </summary>
internal static class ThreadPoolSetup
{
    [ModuleInitializer]
    internal static void RaiseMinThreads()
    {
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, Environment.ProcessorCount * 8), io);
    }
}
