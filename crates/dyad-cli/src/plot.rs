//! `dyad plot`: the first chart anyone draws from event data — a dyad's events over time.
//!
//! `dyad plot --db events.sqlite --dyad RUS:UKR --by week -o chart.svg` counts the events that
//! pass the filters (the same filters as `dyad query`) per period and quad class, and draws one
//! line per quad class (verbal / material cooperation, verbal / material conflict) on the left
//! axis and the mean Goldstein score per period on the right axis (−10 … +10). Periods with no
//! events are drawn as zero counts, so a gap in the news is visible as a gap, not hidden by a
//! line jumping across it; the Goldstein line skips them (a mean of nothing is not zero).
//!
//! The chart is SVG, drawn with `plotters`' SVG backend: text stays text (searchable, scalable,
//! diffable), and no font files are needed at build or run time. PNG would need a rasteriser
//! and an embedded font; convert the SVG instead (`rsvg-convert chart.svg -o chart.png`).

use crate::query::{build_where, Filters, Period};
use crate::store::{Store, StoreError};
use clap::Args;
use dyad::Date;
use plotters::prelude::*;
use std::path::PathBuf;

#[derive(Args, Debug)]
pub struct PlotArgs {
    /// The event store (made by `dyad code --db FILE`).
    #[arg(long, value_name = "FILE")]
    pub db: PathBuf,
    #[command(flatten)]
    pub filters: Filters,
    /// The period of each point.
    #[arg(long, value_enum, default_value = "week")]
    pub by: Period,
    /// The chart file (.svg).
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: PathBuf,
    /// The chart title (default: says what is plotted).
    #[arg(long)]
    pub title: Option<String>,
    /// Width and height in pixels.
    #[arg(long, value_name = "W,H", value_delimiter = ',', default_values_t = [1000u32, 560])]
    pub size: Vec<u32>,
}

/// The quad classes: label and colour.
const QUADS: [(&str, RGBColor); 4] = [
    ("Verbal cooperation", RGBColor(0x4c, 0x9b, 0xe8)),
    ("Material cooperation", RGBColor(0x1f, 0x4e, 0x9c)),
    ("Verbal conflict", RGBColor(0xf0, 0x9a, 0x3e)),
    ("Material conflict", RGBColor(0xc0, 0x1c, 0x28)),
];

/// A time series: period labels and, per period, counts per quad class and mean Goldstein.
#[derive(Debug, Default, PartialEq)]
pub struct Series {
    pub periods: Vec<String>,
    pub counts: Vec<[u64; 4]>,
    pub goldstein_mean: Vec<Option<f64>>,
}

/// The next period label after `label` (`2024-04-15` → `2024-04-22` by week).
fn next_period(label: &str, by: Period) -> Option<String> {
    match by {
        Period::Day | Period::Week => {
            let d: Date = label.parse().ok()?;
            Some(
                d.add_days(if by == Period::Day { 1 } else { 7 })
                    .to_string(),
            )
        }
        Period::Month => {
            let (y, m) = label.split_once('-')?;
            let (y, m): (i32, u32) = (y.parse().ok()?, m.parse().ok()?);
            Some(if m == 12 {
                format!("{:04}-01", y + 1)
            } else {
                format!("{y:04}-{:02}", m + 1)
            })
        }
        Period::Year => Some(format!("{:04}", label.parse::<i32>().ok()? + 1)),
    }
}

/// Count events per period and quad class; fill the periods in between with zeros.
pub fn series(store: &Store, filters: &Filters, by: Period) -> Result<Series, StoreError> {
    let w = build_where(filters)?;
    let sql = format!(
        "SELECT {} AS period, quad_class, COUNT(*), SUM(goldstein) FROM events {} \
         GROUP BY 1, 2 ORDER BY 1, 2",
        by.sql(),
        w.sql()
    );
    let err = |e: rusqlite::Error| StoreError::Sqlite {
        path: store.path().display().to_string(),
        source: e,
    };
    let mut stmt = store.conn().prepare(&sql).map_err(err)?;
    let rows = stmt
        .query_map(rusqlite::params_from_iter(w.params.iter()), |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, i64>(2)?,
                r.get::<_, f64>(3)?,
            ))
        })
        .map_err(err)?
        .collect::<Result<Vec<_>, _>>()
        .map_err(err)?;
    let mut s = Series::default();
    let mut sums: Vec<f64> = Vec::new();
    for (period, quad, count, gold) in rows {
        // Fill the gap up to this period with empty periods.
        while s.periods.last().is_some_and(|last| *last < period) {
            let next = next_period(s.periods.last().expect("non-empty"), by)
                .filter(|n| *n <= period)
                .unwrap_or_else(|| period.clone());
            s.periods.push(next);
            s.counts.push([0; 4]);
            sums.push(0.0);
        }
        if s.periods.last() != Some(&period) {
            s.periods.push(period);
            s.counts.push([0; 4]);
            sums.push(0.0);
        }
        let k = s.counts.len() - 1;
        if (1..=4).contains(&quad) {
            s.counts[k][(quad - 1) as usize] += count.max(0) as u64;
        }
        sums[k] += gold;
    }
    s.goldstein_mean = s
        .counts
        .iter()
        .zip(&sums)
        .map(|(c, sum)| {
            let n: u64 = c.iter().sum();
            (n > 0).then(|| sum / n as f64)
        })
        .collect();
    Ok(s)
}

/// What the chart shows, for its default title.
fn describe(f: &Filters, by: Period) -> String {
    let who = match (&f.dyad, &f.between, &f.source, &f.target) {
        (Some(d), _, _, _) => d.replacen(':', " → ", 1).to_uppercase(),
        (_, Some(d), _, _) => d.replacen(':', " ↔ ", 1).to_uppercase(),
        (_, _, Some(s), Some(t)) => format!("{} → {}", s.to_uppercase(), t.to_uppercase()),
        (_, _, Some(s), None) => format!("{} → any", s.to_uppercase()),
        (_, _, None, Some(t)) => format!("any → {}", t.to_uppercase()),
        _ => "All events".to_string(),
    };
    let per = match by {
        Period::Day => "day",
        Period::Week => "week",
        Period::Month => "month",
        Period::Year => "year",
    };
    format!("{who}: events per {per} by quad class, and mean Goldstein score")
}

/// Draw the series as an SVG chart.
pub fn draw(
    series: &Series,
    title: &str,
    by: Period,
    path: &std::path::Path,
    size: (u32, u32),
) -> Result<(), String> {
    let e = |e: &dyn std::fmt::Display| format!("cannot draw {}: {e}", path.display());
    let root = SVGBackend::new(path, size).into_drawing_area();
    root.fill(&WHITE).map_err(|x| e(&x))?;
    let n = series.periods.len().max(1) as i32;
    let max_count = series
        .counts
        .iter()
        .flat_map(|c| c.iter())
        .copied()
        .max()
        .unwrap_or(0)
        .max(1);
    let y_top = (max_count as f64 * 1.1).ceil() as u64;
    let x_desc = match by {
        Period::Day => "Day",
        Period::Week => "Week (starting Monday)",
        Period::Month => "Month",
        Period::Year => "Year",
    };
    let mut chart = ChartBuilder::on(&root)
        .caption(title, ("sans-serif", 22).into_font())
        .margin(16)
        .x_label_area_size(48)
        .y_label_area_size(56)
        .right_y_label_area_size(56)
        .build_cartesian_2d(0..(n - 1).max(1), 0..y_top)
        .map_err(|x| e(&x))?
        .set_secondary_coord(0..(n - 1).max(1), -10.0..10.0f64);
    let labels = &series.periods;
    chart
        .configure_mesh()
        .x_desc(x_desc)
        .y_desc("Events")
        .label_style(("sans-serif", 13))
        .axis_desc_style(("sans-serif", 15))
        .x_labels(8)
        .x_label_formatter(&|i: &i32| labels.get(*i as usize).cloned().unwrap_or_default())
        .light_line_style(WHITE.mix(0.0))
        .draw()
        .map_err(|x| e(&x))?;
    chart
        .configure_secondary_axes()
        .y_desc("Mean Goldstein score (−10 conflict … +10 cooperation)")
        .label_style(("sans-serif", 13))
        .axis_desc_style(("sans-serif", 15))
        .y_label_formatter(&|v: &f64| format!("{v:.0}"))
        .draw()
        .map_err(|x| e(&x))?;
    for (q, (name, color)) in QUADS.iter().enumerate() {
        let color = *color;
        chart
            .draw_series(LineSeries::new(
                series
                    .counts
                    .iter()
                    .enumerate()
                    .map(|(i, c)| (i as i32, c[q])),
                color.stroke_width(2),
            ))
            .map_err(|x| e(&x))?
            .label(*name)
            .legend(move |(x, y)| {
                PathElement::new(vec![(x, y), (x + 20, y)], color.stroke_width(2))
            });
    }
    let gold: Vec<(i32, f64)> = series
        .goldstein_mean
        .iter()
        .enumerate()
        .filter_map(|(i, g)| g.map(|g| (i as i32, g)))
        .collect();
    chart
        .draw_secondary_series(LineSeries::new(gold, BLACK.mix(0.7).stroke_width(1)))
        .map_err(|x| e(&x))?
        .label("Mean Goldstein score (right axis)")
        .legend(|(x, y)| PathElement::new(vec![(x, y), (x + 20, y)], BLACK.mix(0.7)));
    chart
        .configure_series_labels()
        .background_style(WHITE.mix(0.85))
        .border_style(BLACK.mix(0.3))
        .position(SeriesLabelPosition::UpperLeft)
        .draw()
        .map_err(|x| e(&x))?;
    root.present().map_err(|x| e(&x))?;
    Ok(())
}

/// `dyad plot`.
pub fn run(a: PlotArgs) -> anyhow::Result<std::process::ExitCode> {
    let ext = a
        .output
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    if ext.as_deref() != Some("svg") {
        anyhow::bail!(
            "{}: dyad draws SVG charts; name the file .svg (for PNG, convert it: rsvg-convert chart.svg -o chart.png)",
            a.output.display()
        );
    }
    let size = match a.size.as_slice() {
        [w, h] if *w >= 200 && *h >= 150 => (*w, *h),
        _ => anyhow::bail!("--size W,H: two numbers, at least 200,150 (e.g. 1000,560)"),
    };
    let store = Store::open_read_only(&a.db)?;
    let s = series(&store, &a.filters, a.by)?;
    if s.periods.is_empty() {
        anyhow::bail!(
            "no events match these filters in {}: nothing to plot",
            a.db.display()
        );
    }
    let title = a
        .title
        .clone()
        .unwrap_or_else(|| describe(&a.filters, a.by));
    draw(&s, &title, a.by, &a.output, size).map_err(|e| anyhow::anyhow!(e))?;
    let total: u64 = s.counts.iter().flatten().sum();
    eprintln!(
        "dyad: wrote {} ({} events in {} periods, {} to {})",
        a.output.display(),
        total,
        s.periods.len(),
        s.periods.first().map_or("", String::as_str),
        s.periods.last().map_or("", String::as_str)
    );
    Ok(std::process::ExitCode::SUCCESS)
}
