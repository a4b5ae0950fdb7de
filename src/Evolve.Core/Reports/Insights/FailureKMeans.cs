using Microsoft.ML;
using Microsoft.ML.Trainers;
using Microsoft.ML.Transforms.Text;

namespace Evolve.Core.Reports.Insights;

/// <summary>
/// Clusters distinct feedback texts with ML.NET: TF-IDF word features, then k-means for every k
/// from 2 to the cap, keeping the k whose clusters are best separated (mean simplified silhouette,
/// ties to the smaller k). Single-threaded so a seed gives the same clusters on every machine.
/// </summary>
internal static class FailureKMeans
{
    /// <summary>The 0-based cluster of each row, and the number of clusters.</summary>
    public static (int[] Clusters, int Count) Assign(IReadOnlyList<FailureRow> rows, int maxClusters, FailureClusterOptions options)
    {
        var ml = new MLContext(options.Seed);
        var all = ml.Data.LoadFromEnumerable(rows);
        var training = rows.Count > options.MaxInputs ? ml.Data.LoadFromEnumerable(Sample(rows, options)) : all;
        var featurizer = ml.Transforms.Text.FeaturizeText("Features", FeatureOptions(), nameof(FailureRow.Text)).Fit(training);
        var features = ml.Data.Cache(featurizer.Transform(training));
        ITransformer? best = null;
        var bestScore = double.NegativeInfinity;
        var bestK = 1;
        for (var k = 2; k <= maxClusters; k++)
        {
            var model = ml.Clustering.Trainers.KMeans(new KMeansTrainer.Options
            {
                FeatureColumnName = "Features",
                ExampleWeightColumnName = nameof(FailureRow.Weight),
                NumberOfClusters = k,
                NumberOfThreads = 1,
                InitializationAlgorithm = KMeansTrainer.InitializationAlgorithm.KMeansPlusPlus,
            }).Fit(features);
            var score = Silhouette(ml, model.Transform(features));
            if (score > bestScore + 1e-9)
            {
                (best, bestScore, bestK) = (model, score, k);
            }
        }

        var assigned = ml.Data.CreateEnumerable<FailureAssignment>(best!.Transform(featurizer.Transform(all)), reuseRowObject: false);
        return (assigned.Select(a => (int)a.PredictedLabel - 1).ToArray(), bestK);
    }

    private static TextFeaturizingEstimator.Options FeatureOptions() => new()
    {
        CaseMode = TextNormalizingEstimator.CaseMode.Lower,
        KeepDiacritics = false,
        KeepPunctuations = false,
        // Counts and line numbers differ between otherwise identical failures.
        KeepNumbers = false,
        StopWordsRemoverOptions = new StopWordsRemovingEstimator.Options { Language = TextFeaturizingEstimator.Language.English },
        WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = 2, UseAllLengths = true, Weighting = NgramExtractingEstimator.WeightingCriteria.TfIdf },
        CharFeatureExtractor = null,
        Norm = TextFeaturizingEstimator.NormFunction.L2,
    };

    // Simplified silhouette: a point's distance to its own centroid against its distance to the
    // nearest other one. Linear in rows and clusters, unlike the full pairwise silhouette.
    private static double Silhouette(MLContext ml, IDataView scored)
    {
        double sum = 0;
        double weight = 0;
        using var weights = ml.Data.CreateEnumerable<FailureRow>(scored, reuseRowObject: false).GetEnumerator();
        foreach (var row in ml.Data.CreateEnumerable<FailureAssignment>(scored, reuseRowObject: false))
        {
            weights.MoveNext();
            var own = (int)row.PredictedLabel - 1;
            var a = Math.Sqrt(Math.Max(0, row.Score[own]));
            var b = row.Score.Where((_, i) => i != own).Select(d => Math.Sqrt(Math.Max(0, d))).Min();
            var s = Math.Max(a, b) <= 0 ? 0 : (b - a) / Math.Max(a, b);
            sum += s * weights.Current.Weight;
            weight += weights.Current.Weight;
        }

        return weight == 0 ? 0 : sum / weight;
    }

    // A seeded shuffle of the (ordinally sorted) rows, so the sample depends only on input and seed.
    private static List<FailureRow> Sample(IReadOnlyList<FailureRow> rows, FailureClusterOptions options)
    {
        var order = Enumerable.Range(0, rows.Count).ToArray();
        new Random(options.Seed).Shuffle(order);
        return order.Take(options.MaxInputs).Order().Select(i => rows[i]).ToList();
    }
}
