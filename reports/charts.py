"""Small SVG charts for documents (WeasyPrint runs no JavaScript, so ECharts cannot draw there)."""

from html import escape

from thai.words import chart_label

STATUS_COLOURS = ["#9ca3af", "#f59e0b", "#10b981", "#ef4444"]


def stacked_bars(labels: list[str], series: list[tuple[str, list[int]]], width=680, row=22) -> str:
    """Horizontal stacked bars, one row per label, with a legend underneath."""
    left, right, top = 230, 20, 10
    total = max((sum(v[i] for _, v in series) for i in range(len(labels))), default=0) or 1
    scale = (width - left - right) / total
    height = top + row * len(labels) + 40
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="100%" '
        f'font-family="Sarabun" font-size="11">'
    ]
    for i, label in enumerate(labels):
        y = top + i * row
        out.append(
            f'<text x="{left - 6}" y="{y + 14}"'
            f' text-anchor="end">{escape(chart_label(label, 40, 1))}</text>'
        )
        x = left
        for (_name, values), colour in zip(series, STATUS_COLOURS, strict=False):
            w = values[i] * scale
            if w:
                out.append(
                    f'<rect x="{x:.1f}" y="{y + 3}" width="{w:.1f}" height="{row - 6}"'
                    f' fill="{colour}"/>'
                )
                if w > 14:
                    out.append(
                        f'<text x="{x + w / 2:.1f}" y="{y + 14}" text-anchor="middle"'
                        f' fill="#fff">{values[i]}</text>'
                    )
            x += w
    ly = top + row * len(labels) + 20
    lx = 10
    for (name, _), colour in zip(series, STATUS_COLOURS, strict=False):
        out.append(
            f'<rect x="{lx}" y="{ly - 9}" width="10" height="10" fill="{colour}"/>'
            f'<text x="{lx + 14}" y="{ly}">{escape(name)}</text>'
        )
        lx += 16 + 9 * len(name)
    out.append("</svg>")
    return "".join(out)


def lines(
    months: list[str], series: list[tuple[str, list[float], str]], width=680, height=230
) -> str:
    """Cumulative lines (e.g. planned vs actual disbursement) over the fiscal months."""
    left, right, top, bottom = 70, 20, 10, 50
    peak = max((max(v) for _, v, _ in series if v), default=0) or 1
    sx = (width - left - right) / max(len(months) - 1, 1)
    sy = (height - top - bottom) / peak
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="100%" '
        f'font-family="Sarabun" font-size="11">'
    ]
    for k in range(5):
        value = peak * k / 4
        y = height - bottom - value * sy
        out.append(
            f'<line x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}" stroke="#ddd"/>'
            f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{value / 1e6:,.1f} ล้าน</text>'
        )
    for i, m in enumerate(months):
        out.append(
            f'<text x="{left + i * sx:.1f}" y="{height - bottom + 16}"'
            f' text-anchor="middle">{escape(m)}</text>'
        )
    ly = height - 12
    for n, (name, values, colour) in enumerate(series):
        pts = " ".join(
            f"{left + i * sx:.1f},{height - bottom - v * sy:.1f}" for i, v in enumerate(values)
        )
        dash = ' stroke-dasharray="5,4"' if n == 0 else ""
        out.append(
            f'<polyline points="{pts}" fill="none" stroke="{colour}" stroke-width="2"{dash}/>'
        )
        out.append(
            f'<line x1="{left + n * 190}" x2="{left + n * 190 + 20}" y1="{ly - 4}" y2="{ly - 4}" '
            f'stroke="{colour}" stroke-width="2"{dash}/><text x="{left + n * 190 + 26}"'
            f' y="{ly}">{escape(name)}</text>'
        )
    out.append("</svg>")
    return "".join(out)


def png(svg: str, *, dpi: int = 200) -> bytes:
    """The same SVG chart as a PNG, for documents that cannot hold SVG (the DOCX).

    WeasyPrint lays the SVG out on a page of exactly its size (Thai shaped by Pango, as in the
    PDF) and poppler's pdftoppm rasterises that page, so both documents show one drawing."""
    import re
    import subprocess

    from django.conf import settings
    from weasyprint import HTML  # imported lazily: 0.7 s at import time

    match = re.search(r'viewBox="0 0 ([\d.]+) ([\d.]+)"', svg)
    if not match:
        raise ValueError("chart has no viewBox")
    width, height = match.groups()
    font = settings.FONT_DIR.as_uri()
    html = (
        '<!doctype html><html lang="th"><head><meta charset="utf-8"><style>'
        f'@font-face {{ font-family: "Sarabun"; src: url("{font}/Sarabun-Regular.ttf"); }}'
        f"@page {{ size: {width}px {height}px; margin: 0; }}"
        "html, body { margin: 0; } svg { display: block; }"
        f"</style></head><body>{svg}</body></html>"
    )
    pdf = HTML(string=html).write_pdf()  # one page: "-" reads stdin, no root writes stdout
    done = subprocess.run(
        ["pdftoppm", "-png", "-r", str(dpi), "-singlefile", "-f", "1", "-l", "1", "-"],
        input=pdf,
        capture_output=True,
        check=True,
        timeout=60,
    )
    return done.stdout
