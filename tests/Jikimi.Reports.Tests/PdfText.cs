using System.Diagnostics;

namespace Jikimi.Reports.Tests;

/// <summary>Runs poppler's pdftotext (installed by scripts/ci-services.sh) on PDF bytes.</summary>
internal static class PdfText
{
    public static string Extract(byte[] pdf)
    {
        var path = Path.Combine(Path.GetTempPath(), $"jikimi-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, pdf);
        try
        {
            var psi = new ProcessStartInfo("pdftotext", ["-enc", "UTF-8", path, "-"]) { RedirectStandardOutput = true, RedirectStandardError = true };
            using var p = Process.Start(psi) ?? throw new InvalidOperationException("pdftotext did not start");
            var text = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            Assert.True(p.ExitCode == 0, "pdftotext failed: " + p.StandardError.ReadToEnd());
            return text;
        }
        finally
        {
            File.Delete(path);
        }
    }
}
