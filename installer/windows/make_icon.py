"""Draw the program's icon (a report page with a tick, in the colours of the window) as .ico.

Run by build-windows.sh with Pillow; the icon is rebuilt each time rather than kept as a binary.
"""

import sys

from PIL import Image, ImageDraw

SIZES = [16, 24, 32, 48, 64, 128, 256]


def draw(size: int = 256) -> Image.Image:
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(image)
    s = size / 256
    d.rounded_rectangle([20 * s, 8 * s, 236 * s, 248 * s], radius=28 * s, fill=(176, 28, 36, 255))  # red
    d.rounded_rectangle([52 * s, 36 * s, 204 * s, 220 * s], radius=10 * s, fill=(255, 255, 255, 255))
    for i, y in enumerate((70, 102, 134)):
        d.rectangle([76 * s, y * s, (180 if i else 150) * s, (y + 12) * s], fill=(90, 90, 90, 255))
    d.line([(84 * s, 176 * s), (112 * s, 200 * s), (172 * s, 150 * s)], fill=(250, 196, 0, 255),
           width=max(2, int(18 * s)), joint="curve")  # yellow tick
    return image


if __name__ == "__main__":
    draw().save(sys.argv[1], sizes=[(n, n) for n in SIZES])
