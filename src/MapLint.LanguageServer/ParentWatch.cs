using System.Diagnostics;

namespace MapLint.LanguageServer;

/// <summary>
/// Stops the server when the client process that started it is gone (LSP's <c>processId</c>): a crashed editor
/// may leave the pipe open, and the server must not live on as an orphan.
/// </summary>
internal static class ParentWatch
{
    public static void Start(int processId, Action gone)
    {
        var thread = new Thread(() =>
        {
            while (Alive(processId))
            {
                Thread.Sleep(2000);
            }

            gone();
        })
        { IsBackground = true, Name = "maplint parent watch" };
        thread.Start();
    }

    private static bool Alive(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }
}
