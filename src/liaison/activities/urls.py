from liaison.activities.views import ACTIVITIES
from liaison.core.views import family_urls

app_name = "activities"
urlpatterns = family_urls(ACTIVITIES)
