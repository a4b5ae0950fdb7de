using System.Globalization;
using System.Xml.Linq;
using Evolve.Core.Evaluation;

namespace Evolve.Core.Reports;

/// <summary>Writes JUnit XML: a test suite per evaluation, a test case per rollout, the feedback as the failure message.</summary>
public static class EvalJunitWriter
{
    /// <summary>Writes <paramref name="result"/> to <paramref name="writer"/>.</summary>
    public static void Write(EvalJobResult result, TextWriter writer)
    {
        var s = result.Summary;
        var name = result.Model.Simulated ? $"{result.Suite.Name} (model: {result.Model.Description})" : $"{result.Suite.Name} (model: {result.Model.Uri})";
        var suite = new XElement(
            "testsuite",
            new XAttribute("name", name),
            new XAttribute("tests", s.Rollouts.Count),
            new XAttribute("failures", s.Rollouts.Count(r => !r.Score.Pass && r.Error is null)),
            new XAttribute("errors", s.Errors),
            new XAttribute("time", s.WallTime.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)),
            new XElement(
                "properties",
                new XElement("property", new XAttribute("name", "model"), new XAttribute("value", result.Model.Description)),
                new XElement("property", new XAttribute("name", "simulated"), new XAttribute("value", result.Model.Simulated)),
                new XElement("property", new XAttribute("name", "run"), new XAttribute("value", result.Run.Id)),
                new XElement("property", new XAttribute("name", "mean_score"), new XAttribute("value", s.MeanScore.ToString("0.####", CultureInfo.InvariantCulture)))),
            s.Rollouts.Select(r => TestCase(result.Suite.Name, r)));
        new XDocument(new XElement("testsuites", suite)).Save(writer);
        writer.WriteLine();
    }

    private static XElement TestCase(string suiteName, Rollout r)
    {
        var element = new XElement(
            "testcase",
            new XAttribute("classname", $"{suiteName}.{r.Split.ToString().ToLowerInvariant()}"),
            new XAttribute("name", r.Repeat == 0 ? r.CaseId : $"{r.CaseId}#{r.Repeat}"),
            new XAttribute("time", r.Latency.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)));
        if (r.Error is not null)
        {
            element.Add(new XElement("error", new XAttribute("message", r.Error), r.Score.Feedback));
        }
        else if (!r.Score.Pass)
        {
            element.Add(new XElement("failure", new XAttribute("message", $"score {r.Score.Value:0.###}"), r.Score.Feedback));
        }

        return element;
    }
}
