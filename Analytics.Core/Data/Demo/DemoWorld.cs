namespace Analytics.Core.Data.Demo;

/// <summary>
/// The demo company's state as the days go by: customers, stock, staff, dealers, plus the one seeded random
/// source every area draws from, so a seed always replays the same history.
/// </summary>
internal sealed class DemoWorld
{
    public const int InitialCustomers = 1200;
    public const int MaxCustomers = 5000;
    public const double YearlyGrowth = 1.32;

    // UTC hours weighted for a seller whose customers are mostly in Europe and the Americas.
    private static readonly double[] HourWeights =
        [2, 1.5, 1, 1, 1, 1.5, 3, 5, 7, 8, 8, 8, 8, 9, 10, 10, 9, 8, 7, 6, 5, 4, 3, 2.5];
    private static readonly double[] HourCumulative = Cumulative(HourWeights);

    private readonly double[] _productCumulative = Cumulative(Array.ConvertAll(DemoCatalog.Products, p => p.Weight));
    private readonly double[] _countryCumulative = Cumulative(Array.ConvertAll(DemoCatalog.Countries, c => c.Weight));
    private double[] _activeCumulative = [];
    private bool _activeDirty = true;

    public DemoWorld(DateTime nowUtc, int days, int seed)
    {
        Rng = new Random(seed);
        Now = DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc);
        Today = Now.Date;
        Days = days;

        for (var i = 0; i < InitialCustomers; i++) AddCustomer(signupIndex: -1 - Rng.Next(700), signupChannel: Pick(DemoCatalog.SignupChannels, DemoCatalog.SignupChannelWeights));

        var products = DemoCatalog.Products.Length;
        var warehouses = DemoCatalog.Warehouses.Length;
        Stock = new double[products, warehouses];
        AverageDemand = new double[products, warehouses];
        PendingArrival = new int[products, warehouses];
        PendingQuantity = new double[products, warehouses];
        Alerted = new bool[products, warehouses];

        Headcount = Array.ConvertAll(DemoCatalog.Departments, d => (int)Math.Round(d.Headcount * Math.Pow(1 + d.YearlyGrowth, -(days - 1) / 365.25)));
        Dealers = (int)Math.Round(130 * GrowthAt(days - 1));
        for (var i = 0; i < Dealers; i++) TierOfDealer.Add(Pick(DemoCatalog.DealerTiers, DemoCatalog.DealerTierWeights));
    }

    public Random Rng { get; }
    public DateTime Now { get; }
    public DateTime Today { get; }
    public int Days { get; }

    // The current day.
    public DateTime Day { get; private set; }
    public int DayIndex { get; private set; }
    public int Offset => Days - 1 - DayIndex;
    public double Growth { get; private set; }
    public bool IsWeekend => Day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    public List<DemoCustomer> Customers { get; } = [];
    public List<DemoCustomer> Active { get; } = [];

    public double[,] Stock { get; }
    public double[,] AverageDemand { get; }
    public double[,] DemandToday { get; } = new double[DemoCatalog.Products.Length, DemoCatalog.Warehouses.Length];
    public int[,] PendingArrival { get; }
    public double[,] PendingQuantity { get; }
    public bool[,] Alerted { get; }
    public int[] OrdersToday { get; } = new int[DemoCatalog.Warehouses.Length];

    public int[] Headcount { get; }
    public int Dealers { get; set; }
    public List<string> TierOfDealer { get; } = [];

    public void StartDay(int dayIndex)
    {
        // Yesterday's sales move the demand estimate reorders are sized by.
        if (dayIndex > 0)
            for (var p = 0; p < DemandToday.GetLength(0); p++)
                for (var h = 0; h < DemandToday.GetLength(1); h++)
                    AverageDemand[p, h] = 0.93 * AverageDemand[p, h] + 0.07 * DemandToday[p, h];
        DayIndex = dayIndex;
        Day = Today.AddDays(-Offset);
        Growth = GrowthAt(Offset);
        Array.Clear(DemandToday);
        Array.Clear(OrdersToday);
    }

    /// <summary>The business's size the given number of days before today, relative to today.</summary>
    public static double GrowthAt(int offset) => Math.Pow(YearlyGrowth, -offset / 365.25);

    public DemoCustomer AddCustomer(int signupIndex, string signupChannel)
    {
        var country = DemoCatalog.Countries[Pick(_countryCumulative)];
        var currency = Chance(country.LocalCurrencyShare) ? country.LocalCurrency : "usd";
        var customer = new DemoCustomer(
            Id: $"cus_{Customers.Count + 1:00000}",
            Country: country,
            Currency: currency,
            OrderChannel: Pick(DemoCatalog.OrderChannels, DemoCatalog.OrderChannelWeights),
            SignupChannel: signupChannel,
            // Heavy-tailed so a few accounts buy a lot and LTV spreads widely.
            Propensity: Math.Min(15, Math.Pow(1 - Rng.NextDouble(), -0.55)),
            ChurnIndex: Math.Max(signupIndex, 0) + 14 + (int)(-Math.Log(1 - Rng.NextDouble()) * 2200),
            Plan: Chance(0.4) ? Pick(3, DemoCatalog.PlanWeights) : -1,
            BillingDay: 1 + Rng.Next(28));
        Customers.Add(customer);
        if (signupIndex <= DayIndex) { Active.Add(customer); _activeDirty = true; }
        return customer;
    }

    public void Churn(DemoCustomer customer)
    {
        Active.Remove(customer);
        _activeDirty = true;
    }

    /// <summary>A customer still buying today, more often the bigger accounts.</summary>
    public DemoCustomer? PickCustomer()
    {
        if (Active.Count == 0) return null;
        if (_activeDirty)
        {
            _activeCumulative = new double[Active.Count];
            var sum = 0.0;
            for (var i = 0; i < Active.Count; i++) _activeCumulative[i] = sum += Active[i].Propensity;
            _activeDirty = false;
        }
        return Active[Pick(_activeCumulative)];
    }

    public int PickProduct() => Pick(_productCumulative);

    public bool Chance(double p) => Rng.NextDouble() < p;

    public double Uniform(double min, double max) => min + Rng.NextDouble() * (max - min);

    public double Normal()
    {
        var u1 = 1.0 - Rng.NextDouble();
        var u2 = Rng.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    public double LogNormal(double median, double sigma) => median * Math.Exp(sigma * Normal());

    public int Poisson(double mean)
    {
        if (mean <= 0) return 0;
        if (mean > 30) return Math.Max(0, (int)Math.Round(mean + Math.Sqrt(mean) * Normal()));
        var limit = Math.Exp(-mean);
        var k = 0;
        for (var p = Rng.NextDouble(); p > limit; p *= Rng.NextDouble()) k++;
        return k;
    }

    public T Pick<T>(T[] items, double[] weights) => items[Pick(items.Length, weights)];

    public int Pick(int count, double[] weights)
    {
        var total = 0.0;
        for (var i = 0; i < count; i++) total += weights[i];
        var x = Rng.NextDouble() * total;
        for (var i = 0; i < count; i++)
            if ((x -= weights[i]) < 0) return i;
        return count - 1;
    }

    /// <summary>A moment of the current day, weighted toward business hours.</summary>
    public DateTime BusinessTime() => Day.AddHours(Pick(HourCumulative)).AddSeconds(Rng.Next(3600));

    /// <summary>A moment of the current day, any hour alike.</summary>
    public DateTime AnyTime() => Day.AddSeconds(Rng.Next(86_400));

    /// <summary>The given hour of the current day, a few minutes either way.</summary>
    public DateTime At(double hour, int jitterMinutes = 10) => Day.AddHours(hour).AddMinutes(Rng.Next(-jitterMinutes, jitterMinutes + 1));

    private int Pick(double[] cumulative)
    {
        var x = Rng.NextDouble() * cumulative[^1];
        var i = Array.BinarySearch(cumulative, x);
        return Math.Min(i < 0 ? ~i : i + 1, cumulative.Length - 1);
    }

    private static double[] Cumulative(double[] weights)
    {
        var result = new double[weights.Length];
        var sum = 0.0;
        for (var i = 0; i < weights.Length; i++) result[i] = sum += weights[i];
        return result;
    }
}
