using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace Analytics.Core.Insights;

/// <summary>
/// Ordinary least squares on an intercept, a linear trend and, when the history allows, seasonal terms: one dummy per
/// phase for short seasons (quarters of a year, months of a year, days of a week), Fourier harmonics for long ones
/// (weeks of a year). Prediction intervals come from the residuals: ŷ ± t·s·√(1 + x₀ᵀ(XᵀX)⁻¹x₀).
/// </summary>
public sealed class SeasonalRegression
{
    /// <summary>Seasons longer than this are modelled with <see cref="Harmonics"/> sine/cosine pairs instead of dummies.</summary>
    public const int MaxDummySeason = 12;
    public const int Harmonics = 3;

    private readonly Vector<double> _beta;
    private readonly Matrix<double> _covariance;
    private readonly double _sigma;
    private readonly int _dof;

    private SeasonalRegression(int count, double season, bool seasonal, Vector<double> beta, Matrix<double> covariance, double sigma, int dof)
    {
        Count = count;
        Season = season;
        IsSeasonal = seasonal;
        _beta = beta;
        _covariance = covariance;
        _sigma = sigma;
        _dof = dof;
    }

    public int Count { get; }
    public double Season { get; }
    public bool IsSeasonal { get; }

    /// <summary>Standard deviation of the residuals.</summary>
    public double Sigma => _sigma;

    /// <summary>Whether <paramref name="count"/> points are enough for seasonal terms: two seasons, counting the bucket in progress.</summary>
    public static bool CanBeSeasonal(int count, double season) =>
        season >= 2 && count >= Math.Round(2 * season) - 1 && count - Parameters(season, true) >= 3;

    /// <summary>Fits the history; seasonal when <see cref="CanBeSeasonal"/>, else a straight trend. Needs at least three points.</summary>
    public static SeasonalRegression Fit(IReadOnlyList<double> history, double season)
    {
        if (history.Count < 3) throw new ArgumentException("A regression needs at least three points.", nameof(history));
        var seasonal = CanBeSeasonal(history.Count, season);
        var x = Matrix<double>.Build.DenseOfRowArrays(Enumerable.Range(0, history.Count).Select(t => Row(t, season, seasonal)));
        var y = Vector<double>.Build.DenseOfEnumerable(history);
        var xtx = x.TransposeThisAndMultiply(x);
        // A tiny ridge keeps XᵀX invertible when a phase never varies (e.g. a constant series).
        var covariance = (xtx + Matrix<double>.Build.DenseIdentity(xtx.RowCount) * 1e-9).Inverse();
        var beta = covariance * x.TransposeThisAndMultiply(y);
        var residuals = y - x * beta;
        var dof = Math.Max(1, history.Count - x.ColumnCount);
        var sigma = Math.Sqrt(residuals.DotProduct(residuals) / dof);
        return new SeasonalRegression(history.Count, season, seasonal, beta, covariance, sigma, dof);
    }

    /// <summary>The next <paramref name="steps"/> points with a two-sided prediction interval at <paramref name="level"/> (e.g. 0.8).</summary>
    public IReadOnlyList<(double Predicted, double Low, double High)> Predict(int steps, double level)
    {
        var t = StudentT.InvCDF(0, 1, _dof, 0.5 + level / 2);
        var result = new List<(double, double, double)>(steps);
        for (var h = 0; h < steps; h++)
        {
            var row = Vector<double>.Build.DenseOfArray(Row(Count + h, Season, IsSeasonal));
            var predicted = row.DotProduct(_beta);
            var spread = t * _sigma * Math.Sqrt(1 + row.DotProduct(_covariance * row));
            result.Add((predicted, predicted - spread, predicted + spread));
        }
        return result;
    }

    private static int Parameters(double season, bool seasonal) =>
        2 + (!seasonal ? 0 : season > MaxDummySeason ? 2 * Harmonics : (int)Math.Round(season) - 1);

    private static double[] Row(int t, double season, bool seasonal)
    {
        var row = new double[Parameters(season, seasonal)];
        row[0] = 1;
        row[1] = t;
        if (!seasonal) return row;
        if (season > MaxDummySeason)
        {
            for (var k = 1; k <= Harmonics; k++)
            {
                row[2 * k] = Math.Sin(2 * Math.PI * k * t / season);
                row[2 * k + 1] = Math.Cos(2 * Math.PI * k * t / season);
            }
            return row;
        }
        var phase = t % (int)Math.Round(season);
        if (phase > 0) row[1 + phase] = 1;
        return row;
    }
}
