package delivery_test

import (
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/coopbot/coopbot/bot/delivery"
	"github.com/coopbot/coopbot/bot/discordtest"
	"github.com/coopbot/coopbot/knowledge"
)

// BenchmarkDeliveryFanOut posts one new article to 1000 subscribed
// channels against the fake enforcing Discord's limits (50 requests a
// second in all, 5 messages per 5 s per channel). It reports the posting
// rate as a share of the global limit, duplicates and losses, the heap
// and goroutines (the fake's records of every request included) at their
// peak and as the posting goes, the 429s met,
// and the time from the file landing in the folder to the first post.
// One run takes about 21 s:
//
//	go test ./bot -run '^$' -bench BenchmarkDeliveryFanOut -benchtime 1x
func BenchmarkDeliveryFanOut(b *testing.B) {
	const n = 1000
	for range b.N {
		e := newDeliveryEnv(b, []discordtest.Option{discordtest.WithRateLimits(), discordtest.WithSpec("-")},
			delivery.WithSettle(400*time.Millisecond)) // the default

		chs := channels(n)
		for _, ch := range chs {
			e.subscribe(ch, knowledge.Filter{})
		}
		e.start()
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		baseHeap := ms.HeapInuse

		var peakHeap, peakStack, peakG atomic.Uint64
		stop := make(chan struct{})
		var wg sync.WaitGroup
		wg.Add(1)
		go func() { // samples the heap and goroutines while posting
			defer wg.Done()
			for {
				var ms runtime.MemStats
				runtime.ReadMemStats(&ms)
				peakHeap.Store(max(peakHeap.Load(), ms.HeapInuse))
				peakStack.Store(max(peakStack.Load(), ms.StackInuse))
				peakG.Store(max(peakG.Load(), uint64(runtime.NumGoroutine())))
				select {
				case <-stop:
					return
				case <-time.After(50 * time.Millisecond):
				}
			}
		}()

		b.ResetTimer()
		landed := time.Now()
		e.copyFile(incoming("korea_trip.txt"), "korea_trip.txt")
		posted := func() (total, dups, lost int) {
			for _, ch := range chs {
				m := len(e.fake.Messages(ch))
				total += min(m, 1)
				dups += max(m-1, 0)
				if m == 0 {
					lost++
				}
			}
			return
		}
		var earlyHeap, lateHeap uint64
		deadline := time.Now().Add(60 * time.Second)
		for {
			total, _, _ := posted()
			if total >= n/10 && earlyHeap == 0 {
				runtime.GC()
				runtime.ReadMemStats(&ms)
				earlyHeap = ms.HeapInuse
			}
			if total >= n*9/10 && lateHeap == 0 {
				runtime.GC()
				runtime.ReadMemStats(&ms)
				lateHeap = ms.HeapInuse
			}
			if total == n || time.Now().After(deadline) {
				break
			}
			time.Sleep(20 * time.Millisecond)
		}
		b.StopTimer()
		time.Sleep(500 * time.Millisecond) // late duplicates would show now
		close(stop)
		wg.Wait()

		var first, last time.Time
		limited, records := 0, 0
		for _, r := range e.fake.Requests() {
			records += len(r.Body) + len(r.Response) + 1024 // and headers
			if r.Route != postRoute {
				continue
			}
			if r.Status == 429 {
				limited++
				continue
			}
			if first.IsZero() || r.Time.Before(first) {
				first = r.Time
			}
			if r.Time.After(last) {
				last = r.Time
			}
		}
		total, dups, lost := posted()
		rate := float64(total-1) / last.Sub(first).Seconds()
		b.ReportMetric(rate, "posts/s")
		b.ReportMetric(100*rate/50, "%global-limit")
		b.ReportMetric(float64(dups), "duplicates")
		b.ReportMetric(float64(lost), "lost")
		b.ReportMetric(float64(limited), "429s")
		b.ReportMetric(float64(first.Sub(landed).Milliseconds()), "ms-file-to-first-post")
		b.ReportMetric(float64(baseHeap)/(1<<20), "MB-heap-before")
		b.ReportMetric(float64(peakHeap.Load())/(1<<20), "MB-heap-peak")
		b.ReportMetric(float64(earlyHeap)/(1<<20), "MB-heap-at-10%")
		b.ReportMetric(float64(lateHeap)/(1<<20), "MB-heap-at-90%")
		b.ReportMetric(float64(peakStack.Load())/(1<<20), "MB-stacks-peak")
		b.ReportMetric(float64(records)/(1<<20), "MB-fake-records")
		b.ReportMetric(float64(peakG.Load()), "goroutines-peak")
		if dups != 0 || lost != 0 {
			b.Errorf("%d duplicates and %d posts lost; want none", dups, lost)
		}
	}
}
