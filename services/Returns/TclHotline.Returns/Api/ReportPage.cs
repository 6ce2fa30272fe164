namespace TclHotline.Returns.Api;

/// <summary>
/// The branch report page: static, holding no data. Its script reads the token from the URL fragment (never sent
/// to a server), asks /report/api for the branch and month, and places the charts the service drew as SVG.
/// Nothing is loaded from anywhere else.
/// </summary>
public static class ReportPage
{
    public const string Html = """
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <title>Branch report</title>
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <style>
          body { font-family: system-ui, "Noto Sans CJK SC", sans-serif; margin: 1.5rem; color: #1d2430; background: #f6f7f9; }
          h1 { font-size: 1.4rem; margin: 0 0 .25rem; }
          #status { color: #667; font-size: .85rem; margin-bottom: 1rem; }
          #error { color: #8b1111; font-weight: 600; }
          form { margin-bottom: 1rem; }
          .charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(580px, 1fr)); gap: 1rem; }
          section { background: #fff; border: 1px solid #dde; border-radius: 6px; padding: .75rem 1rem; }
          section h2 { font-size: 1rem; margin: 0 0 .25rem; }
          section p { color: #556; font-size: .85rem; margin: 0 0 .5rem; }
          svg text { fill: #1d2430; font-family: inherit; }
        </style>
        </head>
        <body>
        <h1 id="title">Branch report</h1>
        <div id="status">loading…</div>
        <div id="error"></div>
        <form id="pick"><label>Month <input type="month" id="month"></label> <button type="submit">Show</button></form>
        <div class="charts" id="charts"></div>
        <script>
        "use strict";
        // #token=…&branch=CS[&month=2025-03]: the fragment stays in the browser.
        const fragment = new URLSearchParams(location.hash.slice(1));
        const token = fragment.get("token") || "";
        const branch = fragment.get("branch") || "";
        const status = document.getElementById("status");
        const error = document.getElementById("error");
        const monthInput = document.getElementById("month");

        async function show(month) {
          const query = new URLSearchParams();
          if (branch) query.set("branch", branch);
          if (month) query.set("month", month);
          status.textContent = "loading…";
          error.textContent = "";
          const response = await fetch("report/api?" + query, { headers: { Authorization: "Bearer " + token } });
          if (!response.ok) {
            status.textContent = "";
            error.textContent = response.status === 401 ? "Not signed in: open the page with #token=… in its address."
              : response.status === 403 ? "This report is not yours to see."
              : "The report could not be read (" + response.status + "): " + await response.text();
            document.body.dataset.state = "error";
            return;
          }
          const report = await response.json();
          document.getElementById("title").textContent = "Branch report · " + report.branch + " · " + report.month;
          monthInput.value = report.month;
          const charts = document.getElementById("charts");
          charts.replaceChildren();
          for (const chart of report.charts) {
            const section = document.createElement("section");
            section.dataset.chart = chart.id;
            const heading = document.createElement("h2");
            heading.textContent = chart.title;
            const summary = document.createElement("p");
            summary.className = "summary";
            summary.textContent = chart.summary;
            section.append(heading, summary);
            // Drawn by the service from numbers only, every text escaped there.
            section.insertAdjacentHTML("beforeend", chart.svg);
            charts.append(section);
          }
          status.textContent = "as of " + report.asOf;
          document.body.dataset.state = "shown";
        }

        document.getElementById("pick").addEventListener("submit", e => { e.preventDefault(); show(monthInput.value); });
        show(fragment.get("month") || "").catch(e => { error.textContent = String(e); document.body.dataset.state = "error"; });
        </script>
        </body>
        </html>
        """;
}
