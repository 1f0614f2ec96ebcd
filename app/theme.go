package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// Theme preference values.
const (
	ThemeSystem = "system"
	ThemeLight  = "light"
	ThemeDark   = "dark"
)

// variantTheme is the default theme with the light/dark variant forced by
// the analyst's preference ("system" follows the desktop). It also defines
// the colours used for highlights in the reader and the evidence panel.
type variantTheme struct {
	base    fyne.Theme
	variant string
}

func newVariantTheme(pref string) *variantTheme {
	return &variantTheme{base: theme.DefaultTheme(), variant: pref}
}

func (t *variantTheme) effective(v fyne.ThemeVariant) fyne.ThemeVariant {
	switch t.variant {
	case ThemeLight:
		return theme.VariantLight
	case ThemeDark:
		return theme.VariantDark
	}
	return v
}

// Colour names of the highlights (RichText segments refer to them by name).
const (
	colorMention fyne.ThemeColorName = "parleyMention"
	colorMeeting fyne.ThemeColorName = "parleyMeeting"
	colorBar     fyne.ThemeColorName = "parleyBar"
	colorBarTick fyne.ThemeColorName = "parleyBarTicked"
)

func (t *variantTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	v = t.effective(v)
	dark := v == theme.VariantDark
	switch n {
	case colorMention:
		if dark {
			return color.NRGBA{R: 0x7c, G: 0xc4, B: 0xff, A: 0xff}
		}
		return color.NRGBA{R: 0x00, G: 0x4f, B: 0xa3, A: 0xff}
	case colorMeeting:
		if dark {
			return color.NRGBA{R: 0xff, G: 0xc1, B: 0x66, A: 0xff}
		}
		return color.NRGBA{R: 0x9a, G: 0x4a, B: 0x00, A: 0xff}
	case colorBar:
		return color.NRGBA{R: 0x3f, G: 0x88, B: 0xc5, A: 0xff}
	case colorBarTick:
		return color.NRGBA{R: 0xe0, G: 0x7a, B: 0x1f, A: 0xff}
	}
	return t.base.Color(n, v)
}

func (t *variantTheme) Font(s fyne.TextStyle) fyne.Resource     { return t.base.Font(s) }
func (t *variantTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return t.base.Icon(n) }
func (t *variantTheme) Size(n fyne.ThemeSizeName) float32       { return t.base.Size(n) }
