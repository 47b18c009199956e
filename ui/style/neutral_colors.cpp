#include "ui/style/neutral_colors.h"

#include <array>
#include <cmath>

namespace procscope::ui {

namespace {

double linear(double c)
{
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double labF(double t)
{
    constexpr double d = 6.0 / 29.0;
    return t > d * d * d ? std::cbrt(t) : t / (3 * d * d) + 4.0 / 29.0;
}

std::array<double, 3> toLab(const QColor& colour)
{
    const QColor c = colour.toRgb();
    const double r = linear(c.redF());
    const double g = linear(c.greenF());
    const double b = linear(c.blueF());
    // sRGB to XYZ, relative to the D65 white point.
    const double x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
    const double y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    const double z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
    const double fx = labF(x);
    const double fy = labF(y);
    const double fz = labF(z);
    return {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
}

} // namespace

QColor processShade(Pid pid)
{
    // L* 40 and 69: between the greys that mean a state (Terminated, Unknown) and the context switch.
    return pid % 2 == 0 ? QColor(0x5E, 0x5E, 0x5E) : QColor(0xA9, 0xA9, 0xA9);
}

QColor textColorOn(const QColor& background)
{
    return background.lightnessF() > 0.55 ? QColor(Qt::black) : QColor(Qt::white);
}

QColor selectionColor()
{
    return QColor(0x00, 0x00, 0x00);
}

QColor cursorColor()
{
    return QColor(0x00, 0x00, 0x00);
}

double colorDistance(const QColor& a, const QColor& b)
{
    const auto la = toLab(a);
    const auto lb = toLab(b);
    return std::hypot(la[0] - lb[0], la[1] - lb[1], la[2] - lb[2]);
}

} // namespace procscope::ui
