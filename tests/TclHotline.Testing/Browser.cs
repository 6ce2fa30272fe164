using PuppeteerSharp;

namespace TclHotline.Testing;

/// <summary>
/// The system's Chromium, headless, opened on one page through PuppeteerSharp (nothing is downloaded): tests read
/// the page's DOM as a person would look at it. <c>./test.sh</c> installs Chromium from the OS packages.
/// </summary>
public sealed class Browser : IAsyncDisposable
{
    public const string Executable = "/usr/bin/chromium";

    private readonly IBrowser _browser;

    private Browser(IBrowser browser, IPage page)
    {
        _browser = browser;
        Page = page;
    }

    /// <summary>The open page, for what <see cref="EvaluateAsync"/> does not cover (clicks, typing, waits).</summary>
    public IPage Page { get; }

    /// <param name="timeZone">The page's time zone (IANA id), e.g. "UTC" for a laptop set to UTC; null: the machine's.</param>
    public static async Task<Browser> OpenAsync(string url, string? timeZone = null)
    {
        if (!File.Exists(Executable))
        {
            throw new InvalidOperationException(
                $"Chromium is missing ({Executable}); page tests need it: run ./test.sh, which installs it, or `apt-get install chromium`.");
        }

        var browser = await Puppeteer.LaunchAsync(new LaunchOptions
        {
            ExecutablePath = Executable,
            Headless = true,
            // Tests run as root in CI, where Chromium refuses to start sandboxed.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
        });
        try
        {
            var page = (await browser.PagesAsync()).FirstOrDefault() ?? await browser.NewPageAsync();
            if (timeZone is not null) await page.EmulateTimezoneAsync(timeZone);
            await page.GoToAsync(url, WaitUntilNavigation.Load);
            return new Browser(browser, page);
        }
        catch
        {
            await browser.DisposeAsync();
            throw;
        }
    }

    /// <summary>Evaluates a JavaScript expression in the page and returns its value as text ("" for null or undefined).</summary>
    public Task<string> EvaluateAsync(string expression) =>
        Page.EvaluateExpressionAsync<string>($"(() => {{ const value = ({expression}); return value === undefined || value === null ? '' : String(value); }})()");

    public async ValueTask DisposeAsync()
    {
        await _browser.CloseAsync();
        await _browser.DisposeAsync();
    }
}
