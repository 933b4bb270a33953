using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Jikimi.TestSupport;
using Microsoft.Playwright;

namespace Jikimi.E2E;

/// <summary>One Chromium (Debian's /usr/bin/chromium) for all browser tests; never Playwright's download.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public IPlaywright Playwright { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists("/usr/bin/chromium"))
        {
            throw new InvalidOperationException("/usr/bin/chromium is missing: run the tests through scripts/test.sh, which installs Debian's chromium.");
        }

        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task<IPage> NewPageAsync(int width = 1366, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height }, Locale = "ko-KR" });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        page.Dialog += (_, d) => d.AcceptAsync(); // data-confirm prompts
        return page;
    }

    public async Task DisposeAsync()
    {
        await Browser.CloseAsync();
        Playwright.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}

public static class Shots
{
    /// <summary>Screenshots are test artifacts: artifacts/e2e/*.png under the repository root.</summary>
    public static string Directory { get; } = System.IO.Directory.CreateDirectory(Path.Combine(RepoPaths.Root, "artifacts", "e2e")).FullName;

    public static Task TakeAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Directory, name + ".png"), FullPage = true });
}

public static class Accessibility
{
    /// <summary>axe-core's verdict on the page: no violation of serious or critical impact.</summary>
    public static async Task AssertNoSeriousViolationsAsync(IPage page)
    {
        AxeResult result = await page.RunAxe();
        var bad = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(bad.Count == 0, $"{page.Url}: " + string.Join("; ", bad.Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(", ", v.Nodes.Take(3).Select(n => string.Join(" ", n.Target)))}")));
    }
}

public static class Totp
{
    /// <summary>The current code for a shared key as the page shows it (grouped, lower case base32).</summary>
    public static string Code(string sharedKey) =>
        new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(sharedKey.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant())).ComputeTotp();
}
