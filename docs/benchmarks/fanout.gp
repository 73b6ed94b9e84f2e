# Plot of the fan-out benchmark: commit-to-screen latency against the number of viewers.
# Regenerate: gnuplot docs/benchmarks/fanout.gp (from the repo root) after updating fanout.dat.
set terminal pngcairo size 1200,520 font "DejaVu Sans,11"
set output "docs/benchmarks/fanout.png"
set multiplot layout 1,2 title "Callout Dashboard fan-out (poll interval 1 s, 2-core machine)"
set logscale x
set xtics ("1" 1, "100" 100, "1000" 1000)
set xlabel "viewers (SignalR clients)"
set ylabel "commit → viewer latency (ms)"
set key top left
set grid
plot "docs/benchmarks/fanout.dat" using 1:3 with linespoints lw 2 title "dashboard p95", \
     "" using 1:4 with linespoints lw 2 dt 2 title "dashboard p99", \
     "" using 1:9 with linespoints lw 2 dt 4 title "dashboard p95 in Chromium's DOM (3 pages)", \
     "" using 1:6 with linespoints lw 2 title "naive per-viewer polling p95", \
     1250 with lines dt 3 lc rgb "red" title "target p95 (interval + 250 ms)"
set logscale y
set ylabel "database queries per second"
plot "docs/benchmarks/fanout.dat" using 1:7 with linespoints lw 2 title "dashboard (one poller)", \
     "" using 1:8 with linespoints lw 2 title "naive per-viewer polling"
unset multiplot
