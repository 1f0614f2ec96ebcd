package main

import (
	"reflect"
	"testing"
)

func TestRuInflect(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Россия", []string{"России", "России", "Россию", "Россией", "России"}},
		{"Иран", []string{"Ирана", "Ирану", "Ираном", "Иране"}},
		{"Китай", []string{"Китая", "Китаю", "Китаем", "Китае"}},
		{"Украина", []string{"Украины", "Украине", "Украину", "Украиной", "Украине"}},
		{"Америка", []string{"Америки", "Америке", "Америку", "Америкой", "Америке"}},
		{"Корея", []string{"Кореи", "Корее", "Корею", "Кореей", "Корее"}},
		{"Израиль", []string{"Израиля", "Израилю", "Израилем", "Израиле"}},
		{"Беларусь", []string{"Беларуси", "Беларусью"}},
		{"Южная Корея", []string{"Южной Кореи", "Южной Корее", "Южную Корею", "Южной Кореей", "Южной Корее"}},
		{"Республика Корея", []string{"Республики Корея", "Республике Корея", "Республику Корея", "Республикой Корея", "Республике Корея"}},
		{"КНДР", nil},
		{"Перу", nil},
		{"Сан-Марино", nil},
	}
	for _, tc := range tests {
		if got := ruInflect(tc.in); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("ruInflect(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestAdjectives(t *testing.T) {
	tests := []struct {
		name string
		fn   func(string) []string
		in   string
		want []string
	}{
		{"ru", ruAdj, "северокорейский", []string{"северокорейского", "северокорейскому", "северокорейским", "северокорейском", "северокорейская", "северокорейской", "северокорейскую", "северокорейское", "северокорейские", "северокорейских", "северокорейскими"}},
		{"de", deAdj, "nordkoreanisch", []string{"nordkoreanische", "nordkoreanischen", "nordkoreanischer", "nordkoreanisches", "nordkoreanischem"}},
		{"fr-en", frAdj, "nord-coréen", []string{"nord-coréenne", "nord-coréens", "nord-coréennes"}},
		{"fr-ais", frAdj, "français", []string{"française", "françaises"}},
		{"fr-c", frAdj, "turc", []string{"turque", "turcs", "turques"}},
		{"fr-e", frAdj, "russe", []string{"russes"}},
		{"es-o", esAdj, "norcoreano", []string{"norcoreana", "norcoreanos", "norcoreanas"}},
		{"es-és", esAdj, "japonés", []string{"japonesa", "japoneses", "japonesas"}},
		{"es-án", esAdj, "alemán", []string{"alemana", "alemanes", "alemanas"}},
		{"es-ol", esAdj, "español", []string{"española", "españoles", "españolas"}},
		{"es-e", esAdj, "estadounidense", []string{"estadounidenses"}},
	}
	for _, tc := range tests {
		if got := tc.fn(tc.in); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s(%q) = %q, want %q", tc.name, tc.in, got, tc.want)
		}
	}
}

func TestDeGenitives(t *testing.T) {
	got := deGenitives([]string{"Russland", "China", "Nordkorea", "Ukraine", "USA", "Vereinigte Staaten", "Laos", "Philippinen"})
	want := []string{"Russlands", "Chinas", "Nordkoreas"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("deGenitives = %q, want %q", got, want)
	}
}

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{
		"Sergei Shoigu": "sergei-shoigu", "Pedro Sánchez": "pedro-sanchez",
		"Ferdinand Marcos Jr.": "ferdinand-marcos-jr", "Ma'ruf Amin": "ma-ruf-amin",
	} {
		if got := slug(in); got != want {
			t.Errorf("slug(%q) = %q, want %q", in, got, want)
		}
	}
}
