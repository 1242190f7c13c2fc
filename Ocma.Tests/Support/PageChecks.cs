using Microsoft.Playwright;

namespace Ocma.Tests.Support;

/// <summary>Checks a browser test can run on any page: does it scroll sideways, and is its text readable.</summary>
public static class PageChecks
{
    /// <summary>
    /// Text whose colour is too close to the background behind it (contrast below 3:1, the WCAG floor for large text),
    /// described as "tag 'text' ratio". Disabled controls are left out, as WCAG does.
    /// </summary>
    public static Task<string[]> UnreadableTextAsync(IPage page) => page.EvaluateAsync<string[]>(UnreadableTextScript);

    /// <summary>How many pixels the page is wider than the window, and the last few elements that stick out.</summary>
    public static async Task<(int Overflow, string[] Culprits)> SidewaysOverflowAsync(IPage page)
    {
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        var culprits = overflow <= 1 ? [] : await page.EvaluateAsync<string[]>(
            "() => [...document.body.querySelectorAll('*')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)" +
            ".slice(-3).map(e => e.tagName.toLowerCase() + '.' + [...e.classList].join('.') + ' ' + (e.textContent || '').trim().slice(0, 40))");
        return (overflow, culprits);
    }

    private const string UnreadableTextScript = """
        () => {
          // Computed colours come as rgb()/rgba(), or as color(srgb …) with 0–1 channels when mixed with color-mix().
          const rgba = text => {
            const m = /^rgba?\(([^)]+)\)$/.exec(text) ?? /^color\(srgb ([^)]+)\)$/.exec(text);
            if (!m) return null;
            const parts = m[1].split(/[\s,\/]+/).filter(Boolean).map(Number);
            const scale = text.startsWith('color(') ? 255 : 1;
            return { r: parts[0] * scale, g: parts[1] * scale, b: parts[2] * scale, a: parts.length > 3 ? parts[3] : 1 };
          };
          const luminance = c => {
            const channel = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
            return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
          };
          const backgroundOf = element => {
            for (let e = element; e; e = e.parentElement) {
              const c = rgba(getComputedStyle(e).backgroundColor);
              if (c && c.a > 0.5) return c;
            }
            return rgba(getComputedStyle(document.documentElement).backgroundColor) ?? { r: 255, g: 255, b: 255, a: 1 };
          };
          const found = [];
          for (const element of document.body.querySelectorAll('*')) {
            const ownText = [...element.childNodes].filter(n => n.nodeType === 3).map(n => n.textContent.trim()).join(' ').trim();
            if (!ownText || element.closest('[disabled], [aria-disabled=true], [aria-hidden=true]')) continue;
            const box = element.getBoundingClientRect();
            const style = getComputedStyle(element);
            if (box.width === 0 || box.height === 0 || style.visibility === 'hidden' || Number(style.opacity) < 0.5) continue;
            const text = rgba(style.color);
            if (!text || text.a < 0.5) continue;
            const [light, dark] = [luminance(text), luminance(backgroundOf(element))].sort((x, y) => y - x);
            const ratio = (light + 0.05) / (dark + 0.05);
            if (ratio < 3) found.push(`${element.tagName.toLowerCase()} '${ownText.slice(0, 30)}' ${ratio.toFixed(1)}:1`);
          }
          return found.slice(0, 8);
        }
        """;
}
