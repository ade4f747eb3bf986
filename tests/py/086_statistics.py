# compare: exact

import statistics as st
data = [2, 4, 4, 4, 5, 5, 7, 9]
print(st.mean(data), st.median(data), st.mode(data), st.pstdev(data), round(st.stdev(data), 6))
print(st.median([1, 3, 5, 7]), st.median_low([1, 3, 5, 7]), st.median_high([1, 3, 5, 7]))
print(st.variance([1, 2, 3, 4]), st.pvariance([1, 2, 3, 4]), st.fmean([1, 2, 3]))
try:
    st.mean([])
except st.StatisticsError as e:
    print('StatisticsError:', e)
